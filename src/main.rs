//! Entry point of the wasm app: installs the panic fallback and mounts the app (beside the
//! page's prerendered copy, where there is one).

fn main() {
    oppvekst::panic::install();
    oppvekst::prerender::mount(oppvekst::app::App);
}
