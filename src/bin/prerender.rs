//! `prerender DIST`: writes every area's profile, rendered by the app's own components, into
//! its route page under DIST (after `trunk build` and `oppvekst-data routes DIST`).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dist) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST");
        return ExitCode::from(2);
    };
    match oppvekst::ssr::write_all(Path::new(&dist)) {
        Ok(n) => {
            println!("prerendered {n} profiles into {dist}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}
