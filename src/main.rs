//! Entry point of the wasm app: installs the panic fallback and mounts the app on `<body>`.

fn main() {
    oppvekst::panic::install();
    leptos::mount::mount_to_body(oppvekst::app::App);
}
