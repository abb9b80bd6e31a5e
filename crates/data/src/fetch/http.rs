//! HTTP for `fetch`: timeouts, a polite pace between requests, and retries with backoff where the
//! server asks for patience (429, 5xx, a dropped or cut-off answer). Every answer that arrives is
//! kept in the cache, the failed ones too, so that a fault can be looked at afterwards.

use super::cache::{Answer, Cache};
use super::request::{Method, Request};
use std::time::{Duration, Instant, SystemTime};

/// How patient `fetch` is.
#[derive(Clone, Debug)]
pub struct Patience {
    /// For one whole request, answer included.
    pub timeout: Duration,
    /// Tries after the first.
    pub retries: u32,
    /// The first wait before a retry; it doubles each time (a 429's `Retry-After` wins, up to
    /// `max_wait`).
    pub backoff: Duration,
    pub max_wait: Duration,
    /// At least this long between two requests, out of courtesy to a public API.
    pub pace: Duration,
}

/// Where answers come from: the network (and into the cache), or the cache alone.
pub enum Transport {
    Network {
        agent: ureq::Agent,
        patience: Patience,
        last: Option<Instant>,
        cache: Cache,
    },
    Replay(Cache),
}

/// A body larger than any table we ask for is a mistake, not data.
const MAX_BODY: u64 = 512 * 1024 * 1024;

impl Transport {
    pub fn network(patience: Patience, cache: Cache) -> Transport {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(patience.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("oppvekst-data/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Transport::Network {
            agent,
            patience,
            last: None,
            cache,
        }
    }

    /// A successful JSON answer to `req`, or why there is none.
    pub fn json(&mut self, req: &Request) -> Result<Answer, String> {
        let answer = match self {
            Transport::Replay(cache) => cache.replay(req)?,
            Transport::Network {
                agent,
                patience,
                last,
                cache,
            } => with_retries(agent, patience, last, cache, req)?,
        };
        check_json(&answer)?;
        Ok(answer)
    }
}

fn with_retries(
    agent: &ureq::Agent,
    patience: &Patience,
    last: &mut Option<Instant>,
    cache: &Cache,
    req: &Request,
) -> Result<Answer, String> {
    let mut wait = patience.backoff;
    let mut attempt = 0;
    loop {
        if let Some(t) = last {
            let since = t.elapsed();
            if since < patience.pace {
                std::thread::sleep(patience.pace - since);
            }
        }
        *last = Some(Instant::now());
        let outcome = send(agent, req);
        if let Ok((answer, _)) = &outcome {
            cache.keep(req, answer)?;
        }
        let (why, retry_after) = match outcome {
            Ok((answer, _)) if answer.status == 200 => return Ok(answer),
            Ok((answer, retry_after)) if answer.status == 429 || answer.status >= 500 => {
                (status_message(&answer), retry_after)
            }
            Ok((answer, _)) => return Err(status_message(&answer)),
            Err(e) => (e, None),
        };
        if attempt >= patience.retries {
            let tries = attempt + 1;
            return Err(format!(
                "{why} ({tries} {})",
                if tries == 1 { "try" } else { "tries" }
            ));
        }
        attempt += 1;
        let pause = retry_after.unwrap_or(wait).min(patience.max_wait);
        std::thread::sleep(pause);
        wait = wait.saturating_mul(2);
    }
}

/// One request: the answer and a `Retry-After` in seconds, or a transport failure in words.
fn send(agent: &ureq::Agent, req: &Request) -> Result<(Answer, Option<Duration>), String> {
    let result = match (req.method, &req.body) {
        (Method::Post, Some(body)) => agent
            .post(&req.url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .send(body.as_str()),
        _ => agent
            .get(&req.url)
            .header("Accept", "application/json")
            .call(),
    };
    let mut resp = result.map_err(transport_message)?;
    let status = resp.status().as_u16();
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let content_type = header("content-type").unwrap_or_default();
    let retry_after = header("retry-after")
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let body = resp
        .body_mut()
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::Timeout(_) => "the answer did not arrive in time".to_string(),
            other => format!("the answer was cut off ({other})"),
        })?;
    let time = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    Ok((
        Answer {
            status,
            content_type,
            body,
            time,
        },
        retry_after,
    ))
}

fn transport_message(e: ureq::Error) -> String {
    match e {
        ureq::Error::Timeout(_) => "no answer in time".to_string(),
        ureq::Error::ConnectionFailed => "could not connect".to_string(),
        ureq::Error::Io(io) => format!("the connection failed ({io})"),
        other => other.to_string(),
    }
}

/// An HTTP error in words, with what the server said: FHI puts its reason in `status`, SSB in
/// `title`/`detail`; an HTML page gets its `<title>`.
fn status_message(answer: &Answer) -> String {
    let text = String::from_utf8_lossy(&answer.body);
    let said = serde_json::from_slice::<serde_json::Value>(&answer.body)
        .ok()
        .and_then(|v| {
            ["status", "detail", "title", "message"]
                .iter()
                .find_map(|k| v.get(k).and_then(|s| s.as_str()).map(str::to_string))
        })
        .or_else(|| html_title(&text))
        .unwrap_or_else(|| {
            text.chars()
                .take(120)
                .collect::<String>()
                .trim()
                .to_string()
        });
    let reason = match answer.status {
        429 => "Too Many Requests",
        400 => "Bad Request",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    match said.is_empty() {
        true => format!("HTTP {} {reason}", answer.status),
        false => format!("HTTP {} {reason}: «{said}»", answer.status),
    }
}

fn html_title(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<title>")? + "<title>".len();
    let end = lower[start..].find("</title>")? + start;
    Some(text.get(start..end)?.trim().to_string())
}

/// A 200 answer must be JSON: an HTML page (a proxy's or a login wall's) or a cut-off body is
/// named as such instead of reaching the importer.
fn check_json(answer: &Answer) -> Result<(), String> {
    let ct = answer.content_type.to_ascii_lowercase();
    if !ct.contains("json") {
        let what = match html_title(&String::from_utf8_lossy(&answer.body)) {
            Some(t) => format!(" (a page titled «{t}»)"),
            None => String::new(),
        };
        return Err(format!(
            "the answer is {}, not JSON{what}",
            if ct.is_empty() {
                "without a content type".to_string()
            } else {
                format!("«{}»", answer.content_type)
            }
        ));
    }
    serde_json::from_slice::<serde::de::IgnoredAny>(&answer.body).map_err(|e| {
        format!(
            "the answer is not whole JSON ({} bytes; {e}): cut off?",
            answer.body.len()
        )
    })?;
    Ok(())
}
