//! Entry point of the profile app's wasm (`app::ProfileApp`): the app without the explore
//! views, for profiles, the front page and «Om tallene»; the boot script chooses it by the
//! page's path (`route::EXPLORE_PATHS`).

fn main() {
    oppvekst::panic::install();
    oppvekst::prerender::mount(oppvekst::app::ProfileApp);
}
