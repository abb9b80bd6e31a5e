//! A local HTTP server on 127.0.0.1 that answers like FHI Statistikk's open API, for the fetch
//! tests: made answers in exactly the shape of FHI's real ones (see
//! `../shared/data/fixtures/fhi_userguide_befvekst.json`), marked as made in their label, and
//! the faults a real server shows (429, 500, a stalled answer, a cut-off body, a wrong content
//! type, an HTML error page). Plain `std::net`, so that a test decides every byte.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub body: String,
}

/// What the server sends back.
pub enum Reply {
    /// Status, content type, body.
    Full(u16, &'static str, Vec<u8>),
    /// A 200 JSON answer whose `Content-Length` promises more than is sent before the
    /// connection closes.
    CutOff(Vec<u8>),
    /// Waits this long before answering (beyond the client's timeout).
    Stall(Duration),
}

pub type Handler = dyn Fn(&Seen, usize) -> Reply + Send + Sync;

pub struct Server {
    pub base: String,
    pub seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
    port: u16,
}

impl Server {
    /// Starts on a free port; `handler` gets each request and how many came before it.
    pub fn start(handler: Box<Handler>) -> Server {
        let handler: Arc<Handler> = Arc::from(handler);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (seen2, stop2) = (seen.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                // A thread per connection: a stalled answer must not hold back the client's
                // retry, which the test counts.
                let (seen, handler) = (seen2.clone(), handler.clone());
                std::thread::spawn(move || {
                    if let Some(req) = read_request(&stream) {
                        let n = {
                            let mut seen = seen.lock().unwrap();
                            seen.push(req.clone());
                            seen.len() - 1
                        };
                        let reply = handler(&req, n);
                        let _ = answer(stream, reply);
                    }
                });
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}/api/open/v1"),
            seen,
            stop,
            thread: Some(thread),
            port,
        }
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn read_request(stream: &TcpStream) -> Option<Seen> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut r = BufReader::new(stream);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let path = parts.next()?.to_string();
    let mut length = 0usize;
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                length = v.trim().parse().ok()?;
            }
        }
    }
    let mut body = vec![0; length];
    r.read_exact(&mut body).ok()?;
    Some(Seen {
        method,
        path,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn answer(mut stream: TcpStream, reply: Reply) -> std::io::Result<()> {
    let head = |status: u16, ct: &str, len: usize| {
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
        )
    };
    match reply {
        Reply::Full(status, ct, body) => {
            stream.write_all(head(status, ct, body.len()).as_bytes())?;
            stream.write_all(&body)?;
        }
        Reply::CutOff(body) => {
            let half = body.len() / 2;
            stream.write_all(head(200, "application/json", body.len()).as_bytes())?;
            stream.write_all(&body[..half])?;
            stream.flush()?;
        }
        Reply::Stall(d) => {
            std::thread::sleep(d);
            let _ = stream.write_all(head(200, "application/json", 2).as_bytes());
            let _ = stream.write_all(b"{}");
        }
    }
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Both)
}

pub fn json_reply(v: &Value) -> Reply {
    Reply::Full(
        200,
        "application/json; charset=utf-8",
        serde_json::to_vec_pretty(v).unwrap(),
    )
}

/// FHI's `/dimension` answer for table 403 (vedvarende lavinntekt), made for the tests in the
/// shape of the open API's `DimensionsOpenResponse`: a code, a label, and categories with
/// value, label and children. `measures` are the `MEASURE_TYPE` categories it offers.
pub fn fhi_dimensions_403(measures: &[&str]) -> Value {
    let cats = |pairs: &[(&str, &str)]| -> Value {
        pairs
            .iter()
            .map(|(v, l)| json!({"label": l, "value": v, "children": []}))
            .collect()
    };
    json!({"dimensions": [
        {"code": "GEO", "label": "Geografi", "categories": [
            {"label": "Hele landet", "value": "0", "children": [
                {"label": "Oslo", "value": "03", "children": [
                    {"label": "Oslo", "value": "0301", "children": []}]}]}]},
        {"code": "AAR", "label": "År", "categories": cats(&[("2021_2023", "2021-2023")])},
        {"code": "ALDER", "label": "Alder", "categories": cats(&[("0_120", "Alle aldre"), ("0_17", "0-17 år")])},
        {"code": "INNVKAT", "label": "Innvandringskategori", "categories": cats(&[("0", "Alle"), ("2", "Innvandrere"), ("3", "Norskfødte med innvandrerforeldre"), ("20", "Befolkningen unntatt innvandrere")])},
        {"code": "MAAL", "label": "Inntektsmål", "categories": cats(&[("ant_eu60", "EU60")])},
        {"code": "MEASURE_TYPE", "label": "Måltall", "categories":
            measures.iter().map(|m| json!({"label": m, "value": m, "children": []})).collect::<Value>()}
    ]})
}

/// A json-stat2 answer for table 403 in the exact shape of FHI's (class, version, href, label,
/// updated, source, id, size, role null, dimension with index and label, value, status), made
/// for the tests: the label says so. Every asked GEO gets every period; every 37th area's cells
/// are suppressed (`:` with a null value), as FHI hides small counts.
pub fn fhi_answer_403(body: &Value, periods: &[(u16, u16)]) -> Value {
    let dim = |code: &str| -> Vec<String> {
        body["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap()["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let geo = dim("GEO");
    let measures = dim("MEASURE_TYPE");
    let aar: Vec<String> = periods.iter().map(|(a, b)| format!("{a}_{b}")).collect();
    let category = |codes: &[String], label: &dyn Fn(&str) -> String| json!({"index": codes, "label": codes.iter().map(|c| (c.clone(), json!(label(c)))).collect::<serde_json::Map<_, _>>()});
    let mut value = Vec::new();
    let mut status = serde_json::Map::new();
    for (g, code) in geo.iter().enumerate() {
        for (t, _) in aar.iter().enumerate() {
            let den = 400 + (g * 37 + t * 11) % 5000;
            let num = den * (8 + g % 9) / 100;
            for m in &measures {
                let pos = value.len();
                if g % 37 == 5 {
                    status.insert(pos.to_string(), json!(":"));
                    value.push(Value::Null);
                    continue;
                }
                value.push(match m.as_str() {
                    "TELLER" => json!(num),
                    "NEVNER" => json!(den),
                    _ => json!(((num as f64) * 1000.0 / den as f64).round() / 10.0),
                });
            }
        }
        let _ = code;
    }
    json!({
        "class": "dataset",
        "version": "2.0",
        "href": null,
        "label": "Vedvarende lavinntekt (MADE FOR TESTS: not FHI's figures)",
        "updated": "2026-11-20T08:00:00.0000000+00:00",
        "source": null,
        "id": ["GEO", "AAR", "ALDER", "INNVKAT", "MAAL", "MEASURE_TYPE"],
        "size": [geo.len(), aar.len(), 1, 1, 1, measures.len()],
        "role": null,
        "dimension": {
            "GEO": {"label": "Geografi", "category": category(&geo, &|c: &str| format!("Område {c}"))},
            "AAR": {"label": "År", "category": category(&aar, &|c: &str| c.replace('_', "-"))},
            "ALDER": {"label": "Alder", "category": category(&["0_17".to_string()], &|_: &str| "0-17 år".to_string())},
            "INNVKAT": {"label": "Innvandringskategori", "category": category(&["0".to_string()], &|_: &str| "Alle".to_string())},
            "MAAL": {"label": "Inntektsmål", "category": category(&["ant_eu60".to_string()], &|_: &str| "EU60".to_string())},
            "MEASURE_TYPE": {"label": "Måltall", "category": category(&measures, &|c: &str| c.to_lowercase())}
        },
        "value": value,
        "status": if status.is_empty() { json!("") } else { Value::Object(status) }
    })
}
