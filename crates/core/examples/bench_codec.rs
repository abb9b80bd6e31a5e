//! Compares the bundle codec with JSON of the same data, in decode time and in size:
//! `cargo run --release -p oppvekst-core --example bench_codec -- data/bundles`. The goal is a
//! codec at least 10× faster to decode and 3× smaller than JSON.
//!
//! One pass reads what a visitor's browser would ever read: the context and every area file.
//! The codec's time includes the envelope checks, the checksum and the validation of every
//! bundle; the JSON time is the parse alone, so the comparison favours JSON. Compressed sizes
//! come from the `gzip` and `brotli` command line tools, per file as a server would send them,
//! and are left out when a tool is missing.

use oppvekst_core::codec::{decode, AreaBundle, ContextBundle, Manifest, HEADER_LEN};
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const RUNS: usize = 51;

/// The file contents of one data version: the context first, then every area.
struct Files {
    context: Vec<u8>,
    areas: Vec<Vec<u8>>,
}

impl Files {
    fn all(&self) -> impl Iterator<Item = &[u8]> {
        std::iter::once(self.context.as_slice()).chain(self.areas.iter().map(Vec::as_slice))
    }

    fn total(&self) -> usize {
        self.all().map(<[u8]>::len).sum()
    }
}

fn read(dir: &Path) -> Result<Files, String> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let text = String::from_utf8(read("manifest.json")?).map_err(|e| e.to_string())?;
    let manifest = Manifest::parse(&text).map_err(|e| e.to_string())?;
    Ok(Files {
        // A reader loads one language's context: bokmål's stands for all three.
        context: read(&manifest.context.nb)?,
        areas: manifest
            .areas
            .values()
            .map(|f| read(f))
            .collect::<Result<_, _>>()?,
    })
}

/// The median of `RUNS` timings of `pass`, in milliseconds, after one pass to warm the caches.
fn median_ms(mut pass: impl FnMut()) -> f64 {
    pass();
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            pass();
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

/// The medians of `RUNS` timings of `a` and of `b`, taken in turns, and the median of the
/// ratios b / a of each turn; one turn of each first, to warm the caches.
fn paired_ms(mut a: impl FnMut(), mut b: impl FnMut()) -> (f64, f64, f64) {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1e3
    };
    a();
    b();
    let (mut ta, mut tb, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let (x, y) = (time(&mut a), time(&mut b));
        ta.push(x);
        tb.push(y);
        ratios.push(y / x);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[RUNS / 2]
    };
    (median(ta), median(tb), median(ratios))
}

/// The compressed size of each file summed, or `None` if the tool is not there.
fn compressed(files: &Files, tool: &str, args: &[&str]) -> Option<usize> {
    files.all().map(|f| compressed_len(f, tool, args)).sum()
}

fn compressed_len(bytes: &[u8], tool: &str, args: &[&str]) -> Option<usize> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    // Writing from a thread: a tool that fills its output pipe before it has read all of its
    // input would otherwise wait on us for ever.
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    out.status.success().then_some(out.stdout.len())
}

fn kb(n: usize) -> String {
    format!("{:.1} KiB", n as f64 / 1024.0)
}

fn main() -> Result<(), String> {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/bundles"));
    let bin = read(&dir)?;

    let context: ContextBundle = decode(&bin.context).map_err(|e| e.to_string())?;
    let areas: Vec<AreaBundle> = bin
        .areas
        .iter()
        .map(|b| decode(b).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let json = Files {
        context: serde_json::to_vec(&context).map_err(|e| e.to_string())?,
        areas: areas
            .iter()
            .map(|a| serde_json::to_vec(a).map_err(|e| e.to_string()))
            .collect::<Result<_, _>>()?,
    };
    // The JSON must hold the same data, or the comparison means nothing.
    let back: ContextBundle = serde_json::from_slice(&json.context).map_err(|e| e.to_string())?;
    assert_eq!(back, context, "the context does not survive JSON");
    for (a, j) in areas.iter().zip(&json.areas) {
        let back: AreaBundle = serde_json::from_slice(j).map_err(|e| e.to_string())?;
        assert_eq!(&back, a, "area {} does not survive JSON", a.code);
    }

    println!(
        "{}: context + {} areas, {} kommuner × {} indicators",
        dir.display(),
        bin.areas.len(),
        context.kommuner.len(),
        context.catalogue.len()
    );
    // The two decoders take turns, and each turn gives a ratio: a machine that slows down for a
    // while slows both sides of a pair, so the median ratio is steadier than a ratio of medians.
    let codec_pass = || {
        let c: ContextBundle = decode(black_box(&bin.context)).unwrap();
        black_box(c);
        for b in &bin.areas {
            black_box(decode::<AreaBundle>(black_box(b)).unwrap());
        }
    };
    let json_pass = || {
        let c: ContextBundle = serde_json::from_slice(black_box(&json.context)).unwrap();
        black_box(c);
        for j in &json.areas {
            black_box(serde_json::from_slice::<AreaBundle>(black_box(j)).unwrap());
        }
    };
    let (codec_ms, json_ms, ratio) = paired_ms(codec_pass, json_pass);
    // Where the codec's time goes: the parse alone, the checksum alone, and the context's share.
    let postcard_ms = median_ms(|| {
        let payload = |b: &[u8]| black_box(b)[HEADER_LEN..].to_vec();
        let c: ContextBundle = postcard::from_bytes(&payload(&bin.context)).unwrap();
        black_box(c);
        for b in &bin.areas {
            black_box(postcard::from_bytes::<AreaBundle>(&payload(b)).unwrap());
        }
    });
    let crc_ms = median_ms(|| {
        for b in bin.all() {
            black_box(crc32fast::hash(black_box(b)));
        }
    });
    let context_ms = median_ms(|| {
        black_box(decode::<ContextBundle>(black_box(&bin.context)).unwrap());
    });
    println!("decode, median of {RUNS} full passes each:");
    println!("  codec (envelope, CRC, postcard, validation) {codec_ms:8.2} ms");
    println!("    of which the context file alone           {context_ms:8.2} ms");
    println!("    postcard::from_bytes alone                {postcard_ms:8.2} ms");
    println!("    CRC-32 alone                              {crc_ms:8.2} ms");
    println!("  serde_json::from_slice (parse only)         {json_ms:8.2} ms");
    println!("  codec is {ratio:.1}× faster, median of {RUNS} paired ratios (goal ≥ 10×)");

    println!("size, summed over the files (JSON / codec):");
    let line = |what: &str, b: Option<usize>, j: Option<usize>| match (b, j) {
        (Some(b), Some(j)) => println!(
            "  {what:12} codec {:>11}  JSON {:>11}  {:.2}×",
            kb(b),
            kb(j),
            j as f64 / b as f64
        ),
        _ => println!("  {what:12} (tool not found)"),
    };
    line("raw", Some(bin.total()), Some(json.total()));
    line(
        "context raw",
        Some(bin.context.len()),
        Some(json.context.len()),
    );
    line(
        "gzip -9",
        compressed(&bin, "gzip", &["-9", "-c"]),
        compressed(&json, "gzip", &["-9", "-c"]),
    );
    line(
        "brotli -q 11",
        compressed(&bin, "brotli", &["-q", "11", "-c"]),
        compressed(&json, "brotli", &["-q", "11", "-c"]),
    );
    println!("  (goal: JSON ≥ 3× the codec's size)");
    Ok(())
}
