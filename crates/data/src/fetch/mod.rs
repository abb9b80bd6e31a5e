//! `oppvekst-data fetch`: real tables from FHI Statistikk's open API and SSB's PxWebApi v2, for
//! every indicator whose catalogue entry has a `fetch` spec; then the same path as a hand import
//! (normalised file in `data/real/`, provenance `real`) and a build of the bundles.
//!
//! Per table: FHI's `/dimension` answer says which measures the table offers (counts where it
//! has them) and proves the selections exist; then the data, for every area, in as many requests
//! as the row limit needs. Every answer is kept in the cache with a manifest line, and
//! `--from-cache` replays a run without the network. A table that fails leaves its indicator's
//! previous real file as it was and is named, with the reason, at the end.

pub mod cache;
pub mod http;
pub mod request;

use crate::catalogue::{self, FetchSource, FetchSpec};
use crate::import::{ImportOptions, MeasureRole};
use crate::import_cmd::{self, Context, Staged};
use cache::Cache;
use http::{Patience, Transport};
use indicatif::{ProgressBar, ProgressStyle};
use oppvekst_core::indicator::Origin;
use request::Request;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const FHI_BASE: &str = "https://statistikk-data.fhi.no/api/open/v1";
pub const SSB_BASE: &str = "https://data.ssb.no/api/pxwebapi/v2";

/// Everything a fetch run is told.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    pub sources: PathBuf,
    pub data: PathBuf,
    pub cache: PathBuf,
    /// Only these indicators; empty means every one with a fetch spec.
    pub only: Vec<String>,
    /// `YYYY-MM-DD`: only tables the producer changed after this day.
    pub since: Option<String>,
    pub from_cache: bool,
    pub fhi_base: String,
    pub ssb_base: String,
    pub patience: Patience,
    /// No answer may hold more values than this; the areas are split over requests to keep it.
    pub max_rows: usize,
    /// Skip the build at the end (the real files are written all the same).
    pub no_build: bool,
}

/// What a run did: tables imported, tables skipped as unchanged, and the failures.
#[derive(Debug, Default)]
pub struct Summary {
    pub imported: Vec<(String, PathBuf, usize, usize)>,
    pub unchanged: Vec<String>,
    pub failed: Vec<(String, String)>,
    /// Problems met in imported tables (cells not used), as lines.
    pub problems: Vec<String>,
    pub built: Option<String>,
}

pub fn run(opts: &FetchOptions) -> Result<Summary, String> {
    if let Some(since) = &opts.since {
        check_date(since)?;
    }
    let cat_path = opts.data.join("catalogue.toml");
    let entries = catalogue::load_with_fetch(&cat_path)
        .map_err(|e| format!("{}: {e}", cat_path.display()))?;
    for id in &opts.only {
        match entries.iter().find(|(i, _)| &i.id == id) {
            None => return Err(format!("--only {id}: no such indicator in the catalogue")),
            Some((_, None)) => {
                return Err(format!(
                    "--only {id}: its catalogue entry has no fetch spec"
                ))
            }
            Some(_) => {}
        }
    }
    let jobs: Vec<(String, FetchSpec)> = entries
        .into_iter()
        .filter_map(|(i, spec)| Some((i.id, spec?)))
        .filter(|(id, _)| opts.only.is_empty() || opts.only.contains(id))
        .collect();
    if jobs.is_empty() {
        return Err("no indicator in the catalogue has a fetch spec".into());
    }
    let ctx = Context::load(&opts.sources, &opts.data)?;
    let cache = Cache::new(&opts.cache);
    let mut transport = match opts.from_cache {
        true => Transport::Replay(cache),
        false => Transport::network(opts.patience.clone(), cache),
    };

    let mut summary = Summary::default();
    let changed = match &opts.since {
        Some(since) => Some(changed_since(&mut transport, opts, &jobs, since)?),
        None => None,
    };
    let bar = ProgressBar::new(jobs.len() as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} tables  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut staged: Vec<Staged> = Vec::new();
    for (id, spec) in &jobs {
        bar.set_message(format!("{id} ({})", spec.table));
        if changed.as_ref().is_some_and(|c| !c.contains(&spec.table)) {
            summary.unchanged.push(id.clone());
            bar.inc(1);
            continue;
        }
        match fetch_table(&mut transport, opts, &ctx, id, spec) {
            Ok(s) => staged.push(s),
            Err(why) => summary.failed.push((
                id.clone(),
                format!("{} table {}: {why}", source_name(spec.source), spec.table),
            )),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();

    // Every table is read and checked before any file is written; a failed one writes nothing.
    // Should the build fail, the real files go back to what they were, so that `data/real/` and
    // `data/bundles/` never disagree.
    let before: Vec<(PathBuf, Option<Vec<u8>>)> = staged
        .iter()
        .map(|s| {
            let p = opts.data.join("real").join(format!("{}.csv", s.indicator));
            let old = std::fs::read(&p).ok();
            (p, old)
        })
        .collect();
    for s in &staged {
        let path = s.commit(&opts.data)?;
        summary
            .problems
            .extend(s.problems.iter().map(import_cmd::show));
        summary
            .imported
            .push((s.indicator.clone(), path, s.read, s.expected));
    }
    if !staged.is_empty() && !opts.no_build {
        match crate::pipeline::build_and_write(&opts.sources, &opts.data) {
            Ok(said) => summary.built = Some(said),
            Err(e) => {
                for (path, old) in &before {
                    let _ = match old {
                        Some(bytes) => import_cmd::write_atomically(path, bytes),
                        None => std::fs::remove_file(path).map_err(|e| e.to_string()),
                    };
                }
                return Err(format!(
                    "the build failed, so the real files were put back: {e}"
                ));
            }
        }
    }
    Ok(summary)
}

fn source_name(s: FetchSource) -> &'static str {
    match s {
        FetchSource::Fhi => "FHI",
        FetchSource::Ssb => "SSB",
    }
}

/// One table: discovery, the data in chunks, the import of every answer.
fn fetch_table(
    transport: &mut Transport,
    opts: &FetchOptions,
    ctx: &Context,
    id: &str,
    spec: &FetchSpec,
) -> Result<Staged, String> {
    let ind = ctx.importable(id)?;
    let periods = ind.periods.len();
    let geo = request::geo_codes(&ctx.registry, spec.geo);
    let (producer, measures): (&str, Vec<(&str, &str)>) = match spec.source {
        FetchSource::Fhi => {
            let req = request::fhi_dimensions(&opts.fhi_base, spec);
            let dims = json_of(transport, &req, "/dimension")?;
            request::check_selections(&dims, spec)?;
            let (_, _, measure_dim) = request::dimension_names(spec);
            let offered = request::offered_measures(&dims, measure_dim)?;
            ("FHI Statistikk", request::choose_measures(spec, &offered))
        }
        FetchSource::Ssb => ("SSB", spec.measure_roles()),
    };
    if !measures.iter().any(|(_, r)| *r == "num") {
        return Err(format!(
            "the table offers no counts ({}), only {}: the profile's intervals and tests need a \
             numerator and a denominator",
            spec.measure_roles()
                .iter()
                .filter(|(_, r)| *r != "value")
                .map(|(c, _)| *c)
                .collect::<Vec<_>>()
                .join(", "),
            measures
                .iter()
                .map(|(c, _)| *c)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let codes: Vec<&str> = measures.iter().map(|(c, _)| *c).collect();
    let mut answers = Vec::new();
    let mut fetched = String::new();
    let parts = request::chunks(&geo, periods, codes.len(), opts.max_rows);
    for (n, part) in parts.iter().enumerate() {
        let base = match spec.source {
            FetchSource::Fhi => &opts.fhi_base,
            FetchSource::Ssb => &opts.ssb_base,
        };
        let req = request::data(base, spec, part, periods, &codes);
        let what = format!("data, part {} of {}", n + 1, parts.len());
        let answer = transport.json(&req).map_err(|e| format!("{what}: {e}"))?;
        fetched = fetched.max(answer.time.get(..10).unwrap_or_default().to_string());
        answers.push((
            format!("{} {} ({what})", source_name(spec.source), spec.table),
            answer.body,
        ));
    }
    let import_opts = import_options(spec, &measures)?;
    let origin = Origin {
        producer: producer.to_string(),
        table: spec.table.clone(),
        fetched,
    };
    import_cmd::stage(ctx, id, &answers, &import_opts, Some(&origin))
}

/// How the answers are read: the spec's selections as filters, and the chosen measures' roles.
fn import_options(spec: &FetchSpec, measures: &[(&str, &str)]) -> Result<ImportOptions, String> {
    let filters: Vec<String> = spec.select.clone();
    let filters: Vec<&str> = filters.iter().map(String::as_str).collect();
    let mut o = ImportOptions::from_args(&filters, &[])?;
    o.measures = measures
        .iter()
        .map(|(c, r)| Ok((c.to_string(), r.parse::<MeasureRole>()?)))
        .collect::<Result<_, String>>()?;
    o.shares = spec.shares;
    // The answer names its dimensions as the request did.
    let (geo, time, measure) = request::dimension_names(spec);
    o.geo_dimension = Some(geo.to_string());
    o.time_dimension = Some(time.to_string());
    o.measure_dimension = Some(measure.to_string());
    Ok(o)
}

fn json_of(transport: &mut Transport, req: &Request, what: &str) -> Result<Value, String> {
    let answer = transport.json(req).map_err(|e| format!("{what}: {e}"))?;
    serde_json::from_slice(&answer.body).map_err(|e| format!("{what}: {e}"))
}

/// The tables of the jobs that changed after `since`: FHI lists them per source
/// (`?modifiedAfter=`), SSB gives each table's `updated`.
fn changed_since(
    transport: &mut Transport,
    opts: &FetchOptions,
    jobs: &[(String, FetchSpec)],
    since: &str,
) -> Result<BTreeSet<String>, String> {
    let mut changed = BTreeSet::new();
    let fhi_sources: BTreeSet<&str> = jobs
        .iter()
        .filter(|(_, s)| s.source == FetchSource::Fhi)
        .filter_map(|(_, s)| s.table.split_once('/').map(|(src, _)| src))
        .collect();
    for src in fhi_sources {
        let req = request::fhi_modified(&opts.fhi_base, src, since);
        let list = json_of(
            transport,
            &req,
            &format!("FHI {src} tables changed since {since}"),
        )?;
        for t in list.as_array().into_iter().flatten() {
            if let Some(id) = t.get("tableId").and_then(Value::as_u64) {
                changed.insert(format!("{src}/{id}"));
            }
        }
    }
    for (_, spec) in jobs.iter().filter(|(_, s)| s.source == FetchSource::Ssb) {
        let req = request::ssb_table(&opts.ssb_base, spec);
        let meta = json_of(transport, &req, &format!("SSB table {}", spec.table))?;
        let updated = meta.get("updated").and_then(Value::as_str).unwrap_or("");
        // ISO dates compare as text; a table without a date is fetched.
        if updated.is_empty() || updated.get(..10).unwrap_or(updated) > since {
            changed.insert(spec.table.clone());
        }
    }
    Ok(changed)
}

fn check_date(s: &str) -> Result<(), String> {
    let ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && humantime::parse_rfc3339(&format!("{s}T00:00:00Z")).is_ok();
    match ok {
        true => Ok(()),
        false => Err(format!("--since {s}: not a date of the form YYYY-MM-DD")),
    }
}

/// Where `fetch` keeps its answers by default: beside the data, ignored by git.
pub fn default_cache(data: &Path) -> PathBuf {
    data.join("cache")
}
