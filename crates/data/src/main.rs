//! `oppvekst-data`: the data CLI. Builds the bundles in `data/bundles/` from the source files,
//! checks that the committed bundles are fresh, and writes the static route pages.

use oppvekst_data::{build, pipeline, routes};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: oppvekst-data <command> [options]

commands:
  build   [--sources DIR] [--data DIR]   read the sources, write DATA/bundles/
  check   [--sources DIR] [--data DIR]   rebuild in memory, fail if DATA/bundles/ differs
  routes  DIST [--data DIR]              write one index.html per area route into DIST
  fetch                                  download real tables (needs a network)

defaults: --sources ../shared/data/sources, --data data";

struct Args {
    command: String,
    positional: Vec<String>,
    sources: PathBuf,
    data: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or(USAGE)?;
    let mut args = Args {
        command,
        positional: Vec::new(),
        sources: PathBuf::from("../shared/data/sources"),
        data: PathBuf::from("data"),
    };
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--sources" => args.sources = PathBuf::from(value()?),
            "--data" => args.data = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            s => args.positional.push(s.to_string()),
        }
    }
    Ok(args)
}

fn build_all(args: &Args) -> Result<build::Output, String> {
    let paths = pipeline::Paths {
        sources: &args.sources,
        authored: &args.data,
    };
    let inputs = pipeline::gather(&paths)?;
    build::build(&inputs)
}

fn run(args: Args) -> Result<(), String> {
    let bundles = args.data.join("bundles");
    match args.command.as_str() {
        "build" => {
            let out = build_all(&args)?;
            out.write(&bundles).map_err(|e| e.to_string())?;
            let bytes: usize = out.files.values().map(Vec::len).sum();
            println!(
                "wrote {} files, {bytes} bytes, to {}",
                out.files.len(),
                bundles.display()
            );
            Ok(())
        }
        "check" => {
            let diff = build_all(&args)?.diff(&bundles);
            if diff.is_empty() {
                println!("data/bundles is fresh");
                Ok(())
            } else {
                Err(format!(
                    "{} is stale; run `oppvekst-data build`:\n  {}",
                    bundles.display(),
                    diff.join("\n  ")
                ))
            }
        }
        "routes" => {
            let dist = args
                .positional
                .first()
                .ok_or("routes needs the dist directory")?;
            // The registry comes from the shipped context bundle, so that routes can be written
            // on a machine without the source files.
            let reg = routes::registry_of(&bundles)?;
            let n = routes::write_routes(Path::new(dist), &reg).map_err(|e| e.to_string())?;
            println!("wrote {n} route pages into {dist}");
            Ok(())
        }
        "fetch" => Err(
            "fetch needs a network connection to FHI Statistikk and SSB's PxWebApi; \
             none is reachable here. Download the tables elsewhere and use `import`."
                .to_string(),
        ),
        other => Err(format!("unknown command {other}\n\n{USAGE}")),
    }
}

fn main() -> ExitCode {
    match parse_args().and_then(run) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("oppvekst-data: {e}");
            ExitCode::FAILURE
        }
    }
}
