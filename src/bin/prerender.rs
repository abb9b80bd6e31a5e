//! `prerender DIST`: writes every area's profile and views, each retired number's profile, the
//! front page, «Om tallene» and the 404 page, rendered by the app's own components, into their
//! pages under DIST (after `trunk build` and `oppvekst-data routes DIST`), and into every page
//! the message its boot script shows if the app's files fail to load.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dist) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST");
        return ExitCode::from(2);
    };
    let done = oppvekst::ssr::write_all(Path::new(&dist)).and_then(|n| {
        let pages = oppvekst::ssr::write_boot_failure_all(Path::new(&dist))?;
        Ok((n, pages))
    });
    match done {
        Ok((n, pages)) => {
            println!("prerendered {n} pages into {dist}; boot failure message in {pages} pages");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
