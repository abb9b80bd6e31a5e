//! Measures the geometry bundle: writes it to a temporary file and prints its raw size, for
//! checking against the budget with `brotli -c -q 11 FILE | wc -c`.

use oppvekst_core::codec::encode;
use oppvekst_core::geometry::GeometryBundle;
use oppvekst_data::geometry::read_geometry;
use std::path::PathBuf;

fn main() -> Result<(), String> {
    let sources = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/sources")
        });
    let bundle = read_geometry(&sources)?;
    for layer in &bundle.layers {
        let alone = encode(&GeometryBundle {
            layers: vec![layer.clone()],
        });
        let rings = layer
            .features
            .iter()
            .flat_map(|f| &f.polygons)
            .flat_map(|p| &p.rings);
        let points: usize = rings.clone().map(|r| r.len()).sum();
        println!(
            "{:9} {:4} features {:5} rings {:6} points {:7} bytes",
            layer.name,
            layer.features.len(),
            rings.count(),
            points,
            alone.len()
        );
    }
    let bytes = encode(&bundle);
    let path = std::env::temp_dir().join("oppvekst-geometry.bin");
    std::fs::write(&path, &bytes).map_err(|e| e.to_string())?;
    println!("{} bytes in {}", bytes.len(), path.display());
    Ok(())
}
