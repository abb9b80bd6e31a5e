//! `oppvekst-data`: the data CLI. Builds the bundles in `data/bundles/` from the source files,
//! checks that the committed bundles are fresh, fetches and imports real tables, and writes the
//! static route pages and the service worker.

use clap::{Args, Parser, Subcommand};
use oppvekst_data::fetch::http::Patience;
use oppvekst_data::fetch::{self, FetchOptions};
use oppvekst_data::import::ImportOptions;
use oppvekst_data::{build, import_cmd, offline, pipeline, routes};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "oppvekst-data",
    version,
    about = "The data CLI of oppvekst: from the public \
    sources (and FHI's and SSB's APIs) to the compact bundles the app reads."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the sources and the data folder are.
#[derive(Args, Clone)]
struct Dirs {
    /// SSB's and Kartverket's source files (areas, population, maps, code changes).
    #[arg(long, default_value = "../shared/data/sources", value_name = "DIR")]
    sources: PathBuf,
    /// The authored data (catalogue.toml, model.toml …); bundles go to DATA/bundles/, imported
    /// real tables to DATA/real/.
    #[arg(long, default_value = "data", value_name = "DIR")]
    data: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Read the sources and any real tables, write DATA/bundles/.
    Build(Dirs),
    /// Rebuild in memory and fail if DATA/bundles/ differs (the data freshness check).
    Check(Dirs),
    /// Write one index.html per area route into DIST.
    Routes {
        dist: PathBuf,
        #[arg(long, default_value = "data", value_name = "DIR")]
        data: PathBuf,
        /// Where the site is served (`https://oppvekst.example.no`): the pages' links to their
        /// other languages then name it, as search engines require; without it they are paths,
        /// which search engines ignore.
        #[arg(long, env = "OPPVEKST_ORIGIN", value_name = "URL")]
        origin: Option<String>,
    },
    /// Write DIST/sw.js, the service worker of this build.
    Offline { dist: PathBuf },
    /// Read a real table file (FHI json-stat2 or CSV, SSB JSON-stat 2.0) into DATA/real/ID.csv;
    /// the next build uses it instead of the demo model (provenance real).
    ///
    /// Nothing is written when fewer than half of the expected cells (every area for each of the
    /// indicator's periods that the file holds) could be read; every cell not used is reported
    /// with its file and row.
    Import(ImportArgs),
    /// Download the real tables named by the catalogue's fetch specs from FHI Statistikk and
    /// SSB, keep every answer in the cache, import them and build the bundles.
    ///
    /// A table that fails (HTTP error after the retries, a timeout, an answer that is not
    /// JSON-stat, too few cells) leaves its indicator's previous real data untouched and is
    /// named with the reason; the command then exits with an error.
    Fetch(FetchArgs),
}

#[derive(Args)]
struct ImportArgs {
    /// The catalogue id of the indicator the table holds (e.g. lavinntekt_vedvarende).
    #[arg(long)]
    indicator: String,
    /// The table file: JSON-stat 2.0 (FHI's json-stat2, SSB's PxWebApi) or FHI's `;` CSV.
    #[arg(long)]
    file: PathBuf,
    /// Keep this category of a dimension besides geo, time and measure (DIM=CODE, repeatable),
    /// e.g. --filter KJONN=0 --filter ALDER=0_17.
    #[arg(long = "filter", value_name = "DIM=CODE")]
    filters: Vec<String>,
    /// What a measure gives (CODE=num|den|value, repeatable); default TELLER=num, NEVNER=den,
    /// MEIS=value, RATE=value.
    #[arg(long = "measure", value_name = "CODE=ROLE")]
    measures: Vec<String>,
    /// The numerator counts a subset of the denominator (a share of persons): num > den is an
    /// error in the file.
    #[arg(long)]
    shares: bool,
    /// The name of the geo dimension, where the file gives no `role` and it is not GEO/Region.
    #[arg(long, value_name = "DIM")]
    geo_dimension: Option<String>,
    /// The name of the time dimension, where the file gives no `role` and it is not AAR/Tid.
    #[arg(long, value_name = "DIM")]
    time_dimension: Option<String>,
    /// The name of the measure dimension, where the file gives no `role` and it is not
    /// MEASURE_TYPE/ContentsCode.
    #[arg(long, value_name = "DIM")]
    measure_dimension: Option<String>,
    #[command(flatten)]
    dirs: Dirs,
}

#[derive(Args)]
struct FetchArgs {
    /// Only these indicators (catalogue ids, repeatable or comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    only: Vec<String>,
    /// Only tables the producer changed after this day (YYYY-MM-DD): FHI's `modifiedAfter`,
    /// SSB's `updated`.
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Replay the answers kept in the cache instead of asking the network: the same requests,
    /// each answer checked against its SHA-256 in the manifest.
    #[arg(long)]
    from_cache: bool,
    /// Where every raw answer and the manifest (manifest.jsonl) are kept [default: DATA/cache].
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// FHI Statistikk's open API.
    #[arg(long, default_value = fetch::FHI_BASE, value_name = "URL")]
    fhi_url: String,
    /// SSB's PxWebApi v2.
    #[arg(long, default_value = fetch::SSB_BASE, value_name = "URL")]
    ssb_url: String,
    /// Seconds one request may take, answer included.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    timeout: f64,
    /// Tries after the first, on 429, 5xx, a timeout or a dropped answer.
    #[arg(long, default_value_t = 4)]
    retries: u32,
    /// The first wait before a retry, in milliseconds; it doubles each time (a 429's
    /// Retry-After wins, up to 60 s).
    #[arg(long, default_value_t = 2000, value_name = "MS")]
    backoff_ms: u64,
    /// At least this long between two requests, in milliseconds.
    #[arg(long, default_value_t = 500, value_name = "MS")]
    pace_ms: u64,
    /// The most values one answer may hold; the areas are split over requests to keep under it.
    #[arg(long, default_value_t = 50_000)]
    max_rows: usize,
    /// Write DATA/real/ but do not build the bundles.
    #[arg(long)]
    no_build: bool,
    #[command(flatten)]
    dirs: Dirs,
}

fn build_all(dirs: &Dirs) -> Result<build::Output, String> {
    let inputs = pipeline::gather(&pipeline::Paths {
        sources: &dirs.sources,
        authored: &dirs.data,
    })?;
    build::build(&inputs)
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Build(dirs) => {
            println!("{}", pipeline::build_and_write(&dirs.sources, &dirs.data)?);
            Ok(())
        }
        Command::Check(dirs) => {
            let bundles = dirs.data.join("bundles");
            let diff = build_all(&dirs)?.diff(&bundles);
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
        Command::Routes { dist, data, origin } => {
            let origin = origin
                .map(|o| routes::origin(&o).map_err(|e| format!("--origin (OPPVEKST_ORIGIN): {e}")))
                .transpose()?;
            // The areas and the retired numbers come from the shipped context bundle, so that
            // routes can be written on a machine without the source files.
            let context = routes::context_of(&data.join("bundles"))?;
            let n = routes::write_routes(&dist, &context, origin.as_deref())
                .map_err(|e| e.to_string())?;
            println!("wrote {n} route pages into {}", dist.display());
            Ok(())
        }
        Command::Offline { dist } => {
            let (n, version) = offline::write_service_worker(&dist)?;
            println!(
                "wrote {}/sw.js: version {version}, {n} shell files",
                dist.display()
            );
            Ok(())
        }
        Command::Import(a) => import(a),
        Command::Fetch(a) => fetch_cmd(a),
    }
}

fn import(a: ImportArgs) -> Result<(), String> {
    let filters: Vec<&str> = a.filters.iter().map(String::as_str).collect();
    let measures: Vec<&str> = a.measures.iter().map(String::as_str).collect();
    let mut opts = ImportOptions::from_args(&filters, &measures)?;
    opts.shares = a.shares;
    opts.geo_dimension = a.geo_dimension;
    opts.time_dimension = a.time_dimension;
    opts.measure_dimension = a.measure_dimension;
    let (staged, written) =
        import_cmd::run(&a.dirs.sources, &a.dirs.data, &a.indicator, &a.file, &opts)?;
    for p in &staged.problems {
        eprintln!("problem: {}", import_cmd::show(p));
    }
    println!(
        "read {} of {} expected cells, {} problems; wrote {} (run `oppvekst-data build` next)",
        staged.read,
        staged.expected,
        staged.problems.len(),
        written.display()
    );
    Ok(())
}

fn fetch_cmd(a: FetchArgs) -> Result<(), String> {
    if !(a.timeout > 0.0 && a.timeout.is_finite()) {
        return Err(format!(
            "--timeout {}: must be a positive number of seconds",
            a.timeout
        ));
    }
    let opts = FetchOptions {
        cache: a
            .cache
            .clone()
            .unwrap_or_else(|| fetch::default_cache(&a.dirs.data)),
        sources: a.dirs.sources,
        data: a.dirs.data,
        only: a.only,
        since: a.since,
        from_cache: a.from_cache,
        fhi_base: a.fhi_url,
        ssb_base: a.ssb_url,
        patience: Patience {
            timeout: Duration::from_secs_f64(a.timeout),
            retries: a.retries,
            backoff: Duration::from_millis(a.backoff_ms),
            max_wait: Duration::from_secs(60),
            pace: Duration::from_millis(a.pace_ms),
        },
        max_rows: a.max_rows.max(1),
        no_build: a.no_build,
    };
    let s = fetch::run(&opts)?;
    for p in &s.problems {
        eprintln!("problem: {p}");
    }
    for (id, path, read, expected) in &s.imported {
        println!(
            "{id}: read {read} of {expected} expected cells; wrote {}",
            path.display()
        );
    }
    for id in &s.unchanged {
        println!(
            "{id}: unchanged since {}",
            opts.since.as_deref().unwrap_or("")
        );
    }
    if let Some(b) = &s.built {
        println!("{b}");
    }
    if s.failed.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = s
        .failed
        .iter()
        .map(|(id, why)| format!("{id}: {why}; its previous real data is untouched"))
        .collect();
    Err(format!(
        "{} of {} tables failed:\n  {}",
        s.failed.len(),
        s.failed.len() + s.imported.len() + s.unchanged.len(),
        lines.join("\n  ")
    ))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("oppvekst-data: {e}");
            ExitCode::FAILURE
        }
    }
}
