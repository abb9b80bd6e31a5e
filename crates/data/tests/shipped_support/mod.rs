//! The shipped bundles (`data/bundles`), decoded as the app decodes them: one place for the
//! tests over the bundles to read them from.

#![allow(dead_code)]

use oppvekst_core::codec::{self, AreaBundle, CellsBundle, ContextBundle, Manifest};
use oppvekst_core::Lang;
use std::path::{Path, PathBuf};

pub struct Shipped {
    pub manifest: Manifest,
    /// The bokmål context with the kommuner's cells, as the views of sets read it.
    pub ctx: ContextBundle,
    dir: PathBuf,
}

impl Shipped {
    /// The manifest and the context bundle it names, with the kommuner's cells.
    pub fn read() -> Shipped {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/bundles");
        let text = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
        let manifest = Manifest::parse(&text).unwrap();
        let kommuner: CellsBundle = decode(&dir, &manifest.cells);
        let ctx = decode::<ContextBundle>(&dir, &manifest.context.nb)
            .with_cells(kommuner)
            .unwrap();
        Shipped { manifest, ctx, dir }
    }

    /// The context of `lang`, as a reader of that language loads it.
    pub fn context(&self, lang: Lang) -> ContextBundle {
        decode(&self.dir, self.manifest.context.get(lang))
    }

    /// Every area bundle, in the manifest's order.
    pub fn areas(&self) -> Vec<AreaBundle> {
        self.manifest
            .areas
            .values()
            .map(|name| decode(&self.dir, name))
            .collect()
    }

    /// One area's bundle.
    pub fn area(&self, code: &str) -> AreaBundle {
        let (_, name) = self
            .manifest
            .areas
            .iter()
            .find(|(c, _)| c.as_str() == code)
            .unwrap_or_else(|| panic!("no bundle for {code}"));
        decode(&self.dir, name)
    }

    /// The catalogue index of an indicator.
    pub fn index(&self, id: &str) -> usize {
        self.ctx
            .catalogue
            .iter()
            .position(|i| i.id == id)
            .unwrap_or_else(|| panic!("{id} is not in the shipped catalogue"))
    }
}

fn decode<B: codec::Bundle>(dir: &Path, name: &str) -> B {
    codec::decode(&std::fs::read(dir.join(name)).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"))
}
