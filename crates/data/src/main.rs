//! `oppvekst-data`: the data CLI. Builds the bundles in `data/bundles/` from the source files,
//! checks that the committed bundles are fresh, and writes the static route pages.

use oppvekst_data::import::ImportOptions;
use oppvekst_data::{build, import_cmd, offline, pipeline, routes};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: oppvekst-data <command> [options]

commands:
  build   [--sources DIR] [--data DIR]   read the sources, write DATA/bundles/
  check   [--sources DIR] [--data DIR]   rebuild in memory, fail if DATA/bundles/ differs
  routes  DIST [--data DIR]              write one index.html per area route into DIST
  offline DIST                           write DIST/sw.js, the service worker of this build
  import  --indicator ID --file F [--filter DIM=CODE]... [--measure CODE=num|den|value]... [--shares]
                                         read a real table (FHI json-stat2 or CSV, SSB JSON-stat 2.0)
                                         into DATA/real/ID.csv; the next build uses it instead of
                                         the demo model (provenance real)
  fetch                                  download real tables (needs a network)

defaults: --sources ../shared/data/sources, --data data";

struct Args {
    command: String,
    indicator: Option<String>,
    file: Option<PathBuf>,
    filters: Vec<String>,
    measures: Vec<String>,
    shares: bool,
    positional: Vec<String>,
    sources: PathBuf,
    data: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let command = it.next().ok_or(USAGE)?;
    let mut args = Args {
        command,
        indicator: None,
        file: None,
        filters: Vec::new(),
        measures: Vec::new(),
        shares: false,
        positional: Vec::new(),
        sources: PathBuf::from("../shared/data/sources"),
        data: PathBuf::from("data"),
    };
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--sources" => args.sources = PathBuf::from(value()?),
            "--data" => args.data = PathBuf::from(value()?),
            "--indicator" => args.indicator = Some(value()?),
            "--file" => args.file = Some(PathBuf::from(value()?)),
            "--filter" => args.filters.push(value()?),
            "--measure" => args.measures.push(value()?),
            "--shares" => args.shares = true,
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
        "offline" => {
            let dist = args
                .positional
                .first()
                .ok_or("offline needs the dist directory")?;
            let (n, version) = offline::write_service_worker(Path::new(dist))?;
            println!("wrote {dist}/sw.js: version {version}, {n} shell files");
            Ok(())
        }
        "import" => {
            let indicator = args
                .indicator
                .as_deref()
                .ok_or("import needs --indicator")?;
            let file = args.file.as_deref().ok_or("import needs --file")?;
            let filters: Vec<&str> = args.filters.iter().map(String::as_str).collect();
            let measures: Vec<&str> = args.measures.iter().map(String::as_str).collect();
            let mut opts = ImportOptions::from_args(&filters, &measures)?;
            opts.shares = args.shares;
            let done = import_cmd::run(&args.sources, &args.data, indicator, file, &opts)?;
            for p in &done.problems {
                eprintln!("problem: {p}");
            }
            println!(
                "read {} cells, {} problems; wrote {} (run `oppvekst-data build` next)",
                done.cells,
                done.problems.len(),
                done.written.display()
            );
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
