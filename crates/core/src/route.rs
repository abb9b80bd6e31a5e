//! The URL is the state: parsing of the app's routes and query parameters, kept pure so that
//! it is tested natively and fuzzed. Whatever the URL holds, the result is a value, never a panic.

use crate::area::{AreaCode, Level};
use crate::lang::Lang;

/// What a path asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    About,
    Profile(AreaCode),
    /// One of the explore views of an area (`/kommune/0301/utvikling?indikator=…&med=…`).
    Explore(AreaCode, View),
    /// A route that names an area we cannot read: the page says so and offers search.
    BadArea {
        level: String,
        code: String,
    },
    NotFound,
}

/// Parses a path such as `/kommune/0301`, `/landet` or `/om` (trailing slash allowed), in
/// any language (`/nn/kommune/0301`: see [`split_lang`]).
pub fn parse_path(path: &str) -> Page {
    let (_, path) = split_lang(path);
    let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match parts.as_slice() {
        [] => Page::Home,
        ["om"] => Page::About,
        ["landet"] => Page::Profile(AreaCode::landet()),
        ["landet", view] => explore(Page::Profile(AreaCode::landet()), view),
        [level, code] => parse_area(level, code),
        [level, code, view] => explore(parse_area(level, code), view),
        _ => Page::NotFound,
    }
}

/// An area's page with a view's segment after it: the view, or not found for an unknown one.
fn explore(area: Page, segment: &str) -> Page {
    match (area, View::from_slug(segment)) {
        (Page::Profile(c), Some(v)) => Page::Explore(c, v),
        (Page::Profile(_), None) => Page::NotFound,
        (other, _) => other,
    }
}

/// The explore views: each has its own path under the area's, so that it can be shared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    /// One indicator over time.
    Trend,
    /// One indicator for a set of areas, as bars.
    Compare,
    /// One indicator on a map.
    Map,
    /// Every indicator for a set of areas: the «tartan rug».
    Overview,
    /// The population by age and the children over the years.
    Population,
    /// One indicator split by sex and by immigrant background.
    Breakdown,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Trend,
        View::Compare,
        View::Map,
        View::Overview,
        View::Breakdown,
        View::Population,
    ];

    /// The last segment of the view's path.
    pub fn slug(self) -> &'static str {
        match self {
            View::Trend => "utvikling",
            View::Compare => "sammenlign",
            View::Map => "kart",
            View::Overview => "oversikt",
            View::Population => "befolkning",
            View::Breakdown => "fordeling",
        }
    }

    pub fn from_slug(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.slug() == s)
    }

    /// Whether the view shows one indicator (and so reads `indikator=`).
    pub fn has_indicator(self) -> bool {
        matches!(
            self,
            View::Trend | View::Compare | View::Map | View::Breakdown
        )
    }
}

/// Parses the two segments of an area route; the level must agree with the code's length.
pub fn parse_area(level: &str, code: &str) -> Page {
    match Level::from_slug(level) {
        Some(Level::Landet) | None => Page::NotFound,
        Some(l) => match AreaCode::parse_at(l, code) {
            Ok(c) => Page::Profile(c),
            Err(_) => Page::BadArea {
                level: level.to_string(),
                code: code.chars().take(16).collect(),
            },
        },
    }
}

/// The path of an area's profile.
pub fn area_path(code: &AreaCode) -> String {
    match code.level() {
        Level::Landet => "/landet".to_string(),
        l => format!("/{}/{}", l.slug(), code),
    }
}

/// The path of one of an area's views.
pub fn view_path(code: &AreaCode, view: View) -> String {
    format!("{}/{}", area_path(code), view.slug())
}

/// The paths the explore app serves, as a JavaScript regular expression's source: the boot
/// script (written by the data CLI's `routes`) tests `location.pathname` with it to choose
/// between the two builds of the app. The profile app (profiles, the front page, «Om tallene»,
/// the 404 page) leaves out the explore views, their charts and pickers, so that a profile
/// loads and becomes live on a phone with far less code; an explore view's path loads the whole
/// app. It matches every path that [`parse_path`] reads as `Page::Explore` and none that it
/// reads as another page the profile app draws (a test holds the two together); what is only
/// shaped like a view (`/kommune/99/kart`) either app answers alike, as not found.
pub const EXPLORE_PATHS: &str = "^/*(?:(?:nb|nn|en)/+)?(?:landet|[^/]+/+[^/]+)/+\
    (?:utvikling|sammenlign|kart|oversikt|fordeling|befolkning)/*$";

/// The addresses of an area's profile or view (a pattern for JavaScript's `RegExp`, as
/// [`EXPLORE_PATHS`]), whether the area exists or not. The 404 page answers those of numbers
/// no area has today, and there the app, not the page's copy, says what the address is: an old
/// number's page (`/kommune/1201/kart`) or «no such area» (`/kommune/9997`). The language
/// script hides the copy's «no such page» on them (`oppvekst-data`'s `page_lang`). A test holds
/// it to [`parse_path`].
pub const AREA_PATHS: &str = "^/*(?:(?:nb|nn|en)/+)?(?:kommune|bydel|fylke)/+[^/]+\
    (?:/+(?:utvikling|sammenlign|kart|oversikt|fordeling|befolkning))?/*$";

/// The language a path names in its first segment (`/nn/kommune/4602`, `/en/`), and the rest
/// of the path. A static host cannot choose a file by the query, so the language lives in the
/// path, and each language's pages are prerendered in it. Bokmål has no segment (`/nb/…` is
/// read, never written).
pub fn split_lang(path: &str) -> (Option<Lang>, &str) {
    let trimmed = path.trim_start_matches('/');
    let first = trimmed.split('/').next().unwrap_or_default();
    match first {
        "nb" | "nn" | "en" => (Lang::parse(first), &trimmed[first.len()..]),
        _ => (None, path),
    }
}

/// The language of the page at `path` with `search`: the path's (`/nn/…`), else an older
/// link's `?lang=nn`, else bokmål.
pub fn page_lang(path: &str, search: &str) -> Lang {
    split_lang(path)
        .0
        .or(parse_query(search).lang)
        .unwrap_or_default()
}

/// `path` in `lang`: its language segment set (or, for bokmål, dropped). `/` in nynorsk is
/// `/nn/`, so that it is the directory a static host serves.
pub fn lang_path(path: &str, lang: Lang) -> String {
    let bare = local_path(split_lang(&local_path(path)).1);
    match lang {
        Lang::Nb => bare,
        _ => format!("/{}{bare}", lang.code()),
    }
}

/// How many areas a reader can add to a trend view.
pub const MAX_EXTRA_AREAS: usize = 5;

/// How many areas a reader can pick for a comparison or an overview.
pub const MAX_CHOSEN_AREAS: usize = 60;

/// Which areas a comparison or an overview shows (`sett=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The kommuner of the area's fylke.
    Fylke,
    /// The kommuner most like the area.
    Similar,
    /// The bydeler of the area's city.
    Bydeler,
    /// Oslo's områdesatsing bydeler against the rest of Oslo.
    Satsing,
    /// Every kommune in the country.
    Land,
    /// The areas in `med=`.
    Chosen,
}

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::Fylke,
        Preset::Similar,
        Preset::Bydeler,
        Preset::Satsing,
        Preset::Land,
        Preset::Chosen,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Preset::Fylke => "fylke",
            Preset::Similar => "like",
            Preset::Bydeler => "bydeler",
            Preset::Satsing => "satsing",
            Preset::Land => "land",
            Preset::Chosen => "valgt",
        }
    }

    pub fn from_slug(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.slug() == s)
    }
}

/// How a comparison's bars are ordered (`sorter=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Highest value first.
    #[default]
    Value,
    Name,
}

/// How a map colours its areas (`klasser=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Classes {
    /// Five classes with as many areas in each.
    #[default]
    Quantile,
    /// The comparison with landet, as the barometer marks it.
    Significance,
}

/// What an embed (`embed=`) shows: the whole page, or one part of it, short enough for a
/// kommune's own page (as Datawrapper's and Our World in Data's embeds are).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed {
    /// `embed=1`: the page without the site's header and footer; its links stay in the frame.
    Page,
    /// `embed=figur`: a view's figure alone, with its title, legend, source and demodata line.
    Figure,
    /// `embed=barometer`: a profile's barometer with its legend.
    Barometer,
    /// `embed=kort`: the area, its children, the key sentences and a link to the profile.
    Card,
}

impl Embed {
    pub const ALL: [Embed; 4] = [Embed::Page, Embed::Figure, Embed::Barometer, Embed::Card];

    /// Its value in an address.
    pub fn slug(self) -> &'static str {
        match self {
            Embed::Page => "1",
            Embed::Figure => "figur",
            Embed::Barometer => "barometer",
            Embed::Card => "kort",
        }
    }

    /// `1` (and the older `true`), `figur`, `barometer` or `kort`; anything else is no embed.
    pub fn from_slug(v: &str) -> Option<Embed> {
        match v {
            "1" | "true" => Some(Embed::Page),
            _ => Embed::ALL.into_iter().find(|e| e.slug() == v),
        }
    }

    /// A part of a page: its links leave the frame for the whole page, in a tab of its own.
    pub fn is_compact(self) -> bool {
        self != Embed::Page
    }

    /// The embeds the page at `path` offers: a profile its barometer and card, a view its figure
    /// and its area's card; each the whole page too. None for a page that is no area's.
    pub fn offered(path: &str) -> Vec<Embed> {
        match parse_path(path) {
            Page::Profile(_) => vec![Embed::Page, Embed::Barometer, Embed::Card],
            // The overview is a table of every area, not a figure.
            Page::Explore(_, View::Overview) => vec![Embed::Page, Embed::Card],
            Page::Explore(..) => vec![Embed::Page, Embed::Figure, Embed::Card],
            _ => Vec::new(),
        }
    }

    /// The page this embed of the page at `path` + `search` frames, with `embed=` first: the
    /// page as it is for the whole page and a figure; the area's profile, in the same language,
    /// for a barometer and a card. `None` where the page offers no such embed.
    pub fn address(self, path: &str, search: &str) -> Option<String> {
        let page = parse_path(path);
        let (shown, search) = match (self, &page) {
            (Embed::Page, Page::Profile(_) | Page::Explore(..)) => (local_path(path), search),
            (Embed::Figure, Page::Explore(_, view)) if *view != View::Overview => {
                (local_path(path), search)
            }
            (Embed::Barometer | Embed::Card, Page::Profile(code) | Page::Explore(code, _)) => (
                lang_path(&area_path(code), split_lang(path).0.unwrap_or_default()),
                "",
            ),
            _ => return None,
        };
        let mut pairs = vec![format!("embed={}", self.slug())];
        pairs.extend(
            search
                .trim_start_matches('?')
                .split('&')
                .filter(|p| !p.is_empty() && !matches!(p.split('=').next(), Some("embed" | "lang")))
                .map(str::to_string),
        );
        Some(format!("{shown}?{}", pairs.join("&")))
    }
}

/// The query parameters the views understand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub lang: Option<Lang>,
    pub embed: Option<Embed>,
    /// The indicator of a trend view (`indikator=mobbing_7`): an id's characters only.
    pub indicator: Option<String>,
    /// Areas added to a view (`med=4601,5001`): valid codes, each once, at most
    /// [`MAX_CHOSEN_AREAS`] (a trend view draws the first [`MAX_EXTRA_AREAS`]).
    pub extra: Vec<AreaCode>,
    /// The set of areas of a comparison or an overview (`sett=`).
    pub preset: Option<Preset>,
    /// `sorter=navn`; by value otherwise.
    pub sort: Sort,
    /// What a map shows (`utsnitt=`): the same sets as a comparison (`land`, `fylke`,
    /// `bydeler`).
    pub scope: Option<Preset>,
    /// `klasser=signifikans`; quantiles otherwise.
    pub classes: Classes,
}

/// The keys of an address that change what a page shows (all but `lang`): a page's static
/// copy is of the page without them, and a page whose address has one hides its copy's
/// content until the app has drawn the page (`oppvekst-data`'s language script).
pub const VIEW_KEYS: [&str; 7] = [
    "indikator",
    "med",
    "sett",
    "sorter",
    "utsnitt",
    "klasser",
    "embed",
];

/// The global function, defined by the boot script (`oppvekst-data`'s `current_tab`), that
/// scrolls an explore view's line of tabs (`ul`) until its current tab is in sight: applied to
/// the static copy's tabs as the page loads and to the app's as it draws them, so that the line
/// stands where it stood when the app takes the page over.
pub const SHOW_CURRENT_TAB: &str = "oppvekstShowCurrentTab";

/// The global function, defined by the boot script (`oppvekst-data`'s `charts_module`), that
/// loads the charts module (the app's `src/bin/charts.rs`) once, under the names its files have
/// in this build, and resolves to its exports.
pub const CHARTS_LOADER: &str = "oppvekstCharts";

/// The attribute by which the boot script (`oppvekst-data`'s `pressed_button`) marks the button
/// of the static copy that the reader pressed before the app came, which the app then presses.
pub const PRESSED_BUTTON: &str = "data-pressed";

/// The buttons of a static copy that only the app answers (a row's button the copy answers
/// itself; a form's submit button, the browser): what the boot script keeps a press of and
/// `prerender::reveal` presses again.
pub const APP_BUTTONS: &str = "button[type=button]:not(.row-toggle)";

/// The barometer's section, and its «only what stands out» box within it: set on the static
/// copy by the boot script (`oppvekst-data`'s `outstanding_filter`) and carried over to the app
/// by `prerender::reveal`.
pub const BAROMETER_SECTION: &str = ".barometer-section";
pub const OUTSTANDING_BOX: &str = ".outstanding-filter input";

/// The key of a form's «add an area» select among a view's choices ([`Query::with_choices`]):
/// its value is added to `med=` instead of replacing it. Never written in an address.
pub const ADD_AREA: &str = "+med";

/// Parses `?lang=nn&embed=1&indikator=…&med=…`. Unknown keys and bad values are ignored, not
/// fatal: a link that was cut or edited by hand still opens what it can.
pub fn parse_query(search: &str) -> Query {
    let mut q = Query::default();
    for pair in search.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        q.set(k, v);
    }
    q
}

impl Query {
    /// This query with a view's choices applied, each `(key, value)` as the address writes it
    /// (`("utsnitt", "bydeler")`): what a form of several choices gives, applied together.
    pub fn with_choices(&self, choices: &[(String, String)]) -> Query {
        let mut q = self.clone();
        for (k, v) in choices {
            q.set(k, v);
        }
        q
    }

    /// One `key=value` of the address; unknown keys and bad values change nothing.
    fn set(&mut self, k: &str, v: &str) {
        let q = self;
        match k {
            "lang" => q.lang = Lang::parse(v).or(q.lang),
            "embed" => q.embed = Embed::from_slug(v),
            "indikator" => q.indicator = indicator_id(v).or(q.indicator.take()),
            "med" => q.extra = extra_areas(v),
            ADD_AREA => {
                let mut more = q.extra.iter().map(AreaCode::to_string).collect::<Vec<_>>();
                more.push(v.to_string());
                q.extra = extra_areas(&more.join(","));
            }
            "sett" => q.preset = Preset::from_slug(v).or(q.preset),
            "utsnitt" => q.scope = Preset::from_slug(v).or(q.scope),
            "sorter" => q.sort = if v == "navn" { Sort::Name } else { Sort::Value },
            "klasser" => {
                q.classes = if v == "signifikans" {
                    Classes::Significance
                } else {
                    Classes::Quantile
                }
            }
            _ => {}
        }
    }
}

/// An indicator id as the catalogue writes them (`mobbing_7`), or nothing.
fn indicator_id(v: &str) -> Option<String> {
    let ok = !v.is_empty()
        && v.len() <= 40
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    ok.then(|| v.to_string())
}

/// `4601,5001` (or `%2C` for the comma, as some tools write it): the valid codes, in order,
/// each once, at most [`MAX_CHOSEN_AREAS`].
pub fn extra_areas(v: &str) -> Vec<AreaCode> {
    let mut out: Vec<AreaCode> = Vec::new();
    for part in v.replace("%2C", ",").replace("%2c", ",").split(',') {
        if let Ok(c) = AreaCode::parse(part.trim()) {
            if !out.contains(&c) && out.len() < MAX_CHOSEN_AREAS {
                out.push(c);
            }
        }
    }
    out
}

/// A view's address: path and the query parameters the view reads, in a fixed order, with
/// defaults (and bokmål) left out, so that the view opens exactly as shared.
pub fn view_url(code: &AreaCode, view: View, q: &Query, lang: Lang) -> String {
    let mut pairs: Vec<String> = Vec::new();
    if let Some(i) = q.indicator.as_deref().filter(|_| view.has_indicator()) {
        pairs.push(format!("indikator={i}"));
    }
    let preset = match view {
        View::Compare | View::Overview => q.preset,
        View::Map => q.scope,
        _ => None,
    };
    if let Some(p) = preset {
        let key = if view == View::Map { "utsnitt" } else { "sett" };
        pairs.push(format!("{key}={}", p.slug()));
    }
    let takes_areas = match view {
        View::Trend => true,
        View::Compare | View::Overview => preset == Some(Preset::Chosen),
        _ => false,
    };
    if takes_areas && !q.extra.is_empty() {
        let codes: Vec<&str> = q.extra.iter().map(AreaCode::as_str).collect();
        pairs.push(format!("med={}", codes.join(",")));
    }
    if view == View::Compare && q.sort == Sort::Name {
        pairs.push("sorter=navn".into());
    }
    if view == View::Map && q.classes == Classes::Significance {
        pairs.push("klasser=signifikans".into());
    }
    // A view picked inside an embed stays that embed.
    if let Some(e) = q.embed {
        pairs.push(format!("embed={}", e.slug()));
    }
    let path = lang_path(&view_path(code, view), lang);
    if pairs.is_empty() {
        path
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// A trend view's address: [`view_url`] with an indicator and added areas.
pub fn trend_url(code: &AreaCode, indicator: &str, extra: &[AreaCode], lang: Lang) -> String {
    let q = Query {
        indicator: Some(indicator.to_string()),
        extra: extra.to_vec(),
        ..Query::default()
    };
    view_url(code, View::Trend, &q, lang)
}

/// The page at `path` (with its `search`) for another area: the profile for a profile, the same
/// view with the same choices for a view. Built from the parsed route, never from the raw path;
/// `None` where the path is no area's page. A retired number's page links to its successors so.
pub fn for_area(path: &str, search: &str, code: &AreaCode, lang: Lang) -> Option<String> {
    match parse_path(path) {
        Page::Profile(_) | Page::BadArea { .. } => Some(with_lang(
            &area_path(code),
            &search_keep_embed(search),
            lang,
        )),
        Page::Explore(_, view) => Some(view_url(code, view, &parse_query(search), lang)),
        _ => None,
    }
}

/// A profile's query keeps only its embed (its language is set by the caller).
fn search_keep_embed(search: &str) -> String {
    parse_query(search)
        .embed
        .map(|e| format!("embed={}", e.slug()))
        .unwrap_or_default()
}

/// `path` as a link that stays on our origin. The browser's path may begin `//host` or `/\host`
/// (a crafted address such as `https://oppvekst.example//evil.example/`), and a link made of it
/// would lead to that host: its leading slashes become one, so the link is `/evil.example/` here.
pub fn local_path(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

/// The same page in another language: its path in `lang` ([`lang_path`]), `search` kept but for
/// an older link's `lang=`. The language switch and every link of the app use it, so that a
/// view keeps its state and a link never drops the reader's language.
pub fn with_lang(path: &str, search: &str, lang: Lang) -> String {
    let path = lang_path(path, lang);
    let pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("lang"))
        .collect();
    if pairs.is_empty() {
        path
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// The barometer's filter «Vis bare det som skiller seg ut» in the address: `utvalg=skiller`.
pub const OUTSTANDING: (&str, &str) = ("utvalg", "skiller");

/// Whether `search` asks for only the indicators that stand out.
pub fn is_outstanding(search: &str) -> bool {
    let want = format!("{}={}", OUTSTANDING.0, OUTSTANDING.1);
    search.trim_start_matches('?').split('&').any(|p| p == want)
}

/// The same page with the filter on or off, the rest of its address kept.
pub fn with_outstanding(path: &str, search: &str, on: bool) -> String {
    let path = local_path(path);
    let pair = format!("{}={}", OUTSTANDING.0, OUTSTANDING.1);
    let mut pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(OUTSTANDING.0))
        .collect();
    if on {
        pairs.push(&pair);
    }
    if pairs.is_empty() {
        path
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

/// The same page outside an embed: `search` without its `embed` (the embed's «see the whole
/// profile» link opens this in a tab of its own).
pub fn without_embed(path: &str, search: &str) -> String {
    let path = local_path(path);
    let pairs: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some("embed"))
        .collect();
    if pairs.is_empty() {
        path
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_explore_app_serves_the_explore_views_and_the_profile_app_the_rest() {
        let explore = regex::Regex::new(EXPLORE_PATHS).unwrap();
        let mut areas = vec!["/landet".to_string()];
        for code in [
            "03", "46", "0301", "4601", "1201", "5001", "030101", "460105",
        ] {
            let code = AreaCode::parse(code).unwrap();
            areas.push(area_path(&code));
        }
        let mut checked = 0;
        for lang in ["", "/nb", "/nn", "/en", "//nn"] {
            for area in &areas {
                for end in ["", "/", "//"] {
                    let profile = format!("{lang}{area}{end}");
                    assert!(
                        matches!(parse_path(&profile), Page::Profile(_)),
                        "{profile}"
                    );
                    assert!(!explore.is_match(&profile), "{profile}");
                    for view in View::ALL {
                        let path = format!("{lang}{area}/{}{end}", view.slug());
                        assert!(matches!(parse_path(&path), Page::Explore(..)), "{path}");
                        assert!(explore.is_match(&path), "{path}");
                        checked += 1;
                    }
                    let unknown = format!("{lang}{area}/tabell{end}");
                    assert!(!explore.is_match(&unknown), "{unknown}");
                }
            }
            for other in ["/", "/om", "/om/", "/utvikling", "/finnes/ikke"] {
                let path = format!("{lang}{other}");
                assert!(!matches!(parse_path(&path), Page::Explore(..)), "{path}");
                assert!(!explore.is_match(&path), "{path}");
            }
        }
        assert_eq!(checked, 5 * 9 * 3 * View::ALL.len());
    }

    #[test]
    fn an_area_address_is_one_the_app_reads_as_an_area_whether_it_exists_or_not() {
        let area = regex::Regex::new(AREA_PATHS).unwrap();
        let mut matched = 0;
        for lang in ["", "/nb", "/nn", "/en", "//nn"] {
            for path in [
                "/kommune/0301",
                "/kommune/1201",
                "/kommune/9997",
                "/kommune/12ab",
                "/bydel/120101",
                "/fylke/30",
                "/fylke/9",
                "/kommune/1201/kart",
                "/fylke/30/utvikling/",
                "/kommune/12ab/befolkning",
                "//kommune//1201//oversikt//",
            ] {
                let path = format!("{lang}{path}");
                let page = parse_path(&path);
                assert!(
                    matches!(
                        page,
                        Page::Profile(_) | Page::Explore(..) | Page::BadArea { .. }
                    ),
                    "{path}"
                );
                assert!(area.is_match(&path), "{path}");
                matched += 1;
            }
            for path in [
                "/",
                "/om",
                "/landet",
                "/landet/kart",
                "/kommune",
                "/kommune/0301/tabell",
                "/by/0301",
                "/kommune/0301/kart/mer",
                "/finnes/ikke",
            ] {
                let path = format!("{lang}{path}");
                assert!(!area.is_match(&path), "{path}");
            }
        }
        assert_eq!(matched, 5 * 11);
    }

    #[test]
    fn a_page_for_another_area_keeps_the_view_and_its_choices() {
        let bergen = AreaCode::parse("4601").unwrap();
        assert_eq!(
            for_area("/kommune/1201", "?lang=nn", &bergen, Lang::Nn).as_deref(),
            Some("/nn/kommune/4601")
        );
        assert_eq!(
            for_area("/kommune/1201", "?embed=1", &bergen, Lang::Nb).as_deref(),
            Some("/kommune/4601?embed=1")
        );
        assert_eq!(
            for_area(
                "/kommune/1201/utvikling",
                "?indikator=mobbing_7&lang=en",
                &bergen,
                Lang::En
            )
            .as_deref(),
            Some("/en/kommune/4601/utvikling?indikator=mobbing_7")
        );
        assert_eq!(for_area("/om", "", &bergen, Lang::Nb), None);
        assert_eq!(for_area("//evil.example/", "", &bergen, Lang::Nb), None);
    }

    #[test]
    fn links_never_leave_the_origin() {
        for crafted in [
            "//evil.example/",
            "///evil.example/",
            "/\\evil.example/",
            "\\/evil.example/",
        ] {
            assert_eq!(
                with_lang(crafted, "", Lang::Nn),
                "/nn/evil.example/",
                "{crafted}"
            );
            assert_eq!(
                with_lang(crafted, "?lang=nn", Lang::Nb),
                "/evil.example/",
                "{crafted}"
            );
            assert_eq!(
                without_embed(crafted, "?embed=1"),
                "/evil.example/",
                "{crafted}"
            );
        }
        assert_eq!(with_lang("", "", Lang::Nb), "/");
        assert_eq!(with_lang("/kommune/0301", "", Lang::En), "/en/kommune/0301");
        assert_eq!(parse_path("//evil.example/"), Page::NotFound);
        assert_eq!(
            lang_path("//nn//evil.example/", Lang::En),
            "/en/evil.example/"
        );
    }

    #[test]
    fn each_page_offers_its_embeds_and_frames_its_own_state() {
        use Embed::*;
        assert_eq!(Embed::offered("/nn/kommune/0301"), [Page, Barometer, Card]);
        assert_eq!(Embed::offered("/kommune/0301/kart"), [Page, Figure, Card]);
        assert!(Embed::offered("/om").is_empty() && Embed::offered("/finnes/ikke").is_empty());
        let view = (
            "/nn/kommune/4601/utvikling",
            "?indikator=mobbing_7&med=0301&embed=1",
        );
        assert_eq!(
            Figure.address(view.0, view.1).as_deref(),
            Some("/nn/kommune/4601/utvikling?embed=figur&indikator=mobbing_7&med=0301")
        );
        assert_eq!(
            Page.address(view.0, view.1).as_deref(),
            Some("/nn/kommune/4601/utvikling?embed=1&indikator=mobbing_7&med=0301")
        );
        // A card and a barometer are the area's profile, in the page's language.
        assert_eq!(
            Card.address(view.0, view.1).as_deref(),
            Some("/nn/kommune/4601?embed=kort")
        );
        assert_eq!(
            Barometer.address("/landet", "?utvalg=skiller").as_deref(),
            Some("/landet?embed=barometer")
        );
        assert_eq!(Figure.address("/kommune/0301", ""), None);
        assert_eq!(Embed::offered("/kommune/0301/oversikt"), [Page, Card]);
        assert_eq!(Figure.address("/kommune/0301/oversikt", ""), None);
        assert_eq!(Card.address("/om", ""), None);
        for e in Embed::ALL {
            assert_eq!(Embed::from_slug(e.slug()), Some(e));
            assert_eq!(parse_query(&format!("?embed={}", e.slug())).embed, Some(e));
        }
        assert_eq!(Embed::from_slug("true"), Some(Page));
        assert_eq!(parse_query("?embed=0").embed, None);
        assert_eq!(parse_query("?embed=figurer").embed, None);
        // A picked view keeps the embed it is in.
        let q = parse_query("?embed=figur");
        let code = AreaCode::parse("0301").unwrap();
        assert_eq!(
            view_url(&code, View::Map, &q, Lang::En),
            "/en/kommune/0301/kart?embed=figur"
        );
    }

    #[test]
    fn an_embed_links_to_the_whole_page() {
        assert_eq!(
            without_embed("/kommune/0301/kart", "?embed=1&indikator=mobbing_7&lang=en"),
            "/kommune/0301/kart?indikator=mobbing_7&lang=en"
        );
        assert_eq!(without_embed("/kommune/0301", "?embed=1"), "/kommune/0301");
        assert_eq!(parse_query("?embed=1&lang=nn").embed, Some(Embed::Page));
    }

    #[test]
    fn a_view_picked_in_an_embed_stays_an_embed() {
        let q = parse_query("?embed=1&indikator=mobbing_7&lang=nn");
        let code = AreaCode::parse("0301").unwrap();
        assert_eq!(
            view_url(&code, View::Map, &q, Lang::Nn),
            "/nn/kommune/0301/kart?indikator=mobbing_7&embed=1"
        );
        let plain = parse_query("?indikator=mobbing_7");
        assert!(!view_url(&code, View::Map, &plain, Lang::Nb).contains("embed"));
    }

    #[test]
    fn paths() {
        assert_eq!(parse_path("/"), Page::Home);
        assert_eq!(parse_path("/om/"), Page::About);
        assert_eq!(parse_path("/landet"), Page::Profile(AreaCode::landet()));
        assert_eq!(
            parse_path("/kommune/0301"),
            Page::Profile(AreaCode::parse("0301").unwrap())
        );
        assert_eq!(
            parse_path("/bydel/030101"),
            Page::Profile(AreaCode::parse("030101").unwrap())
        );
        assert!(matches!(parse_path("/kommune/03x1"), Page::BadArea { .. }));
        assert!(matches!(parse_path("/kommune/03"), Page::BadArea { .. }));
        assert_eq!(parse_path("/planet/0301"), Page::NotFound);
        assert_eq!(parse_path("/a/b/c"), Page::NotFound);
    }

    #[test]
    fn area_paths_round_trip() {
        for c in ["0", "03", "0301", "030101"] {
            let code = AreaCode::parse(c).unwrap();
            assert_eq!(parse_path(&area_path(&code)), Page::Profile(code));
        }
    }

    #[test]
    fn trend_routes() {
        let oslo = AreaCode::parse("0301").unwrap();
        assert_eq!(
            parse_path("/kommune/0301/utvikling"),
            Page::Explore(oslo.clone(), View::Trend)
        );
        assert_eq!(
            parse_path("/landet/utvikling/"),
            Page::Explore(AreaCode::landet(), View::Trend)
        );
        assert!(matches!(
            parse_path("/kommune/03x1/utvikling"),
            Page::BadArea { .. }
        ));
        assert_eq!(parse_path("/kommune/0301/annet"), Page::NotFound);
        let extra = [
            AreaCode::parse("4601").unwrap(),
            AreaCode::parse("46").unwrap(),
        ];
        let url = trend_url(&oslo, "mobbing_7", &extra, Lang::En);
        assert_eq!(
            url,
            "/en/kommune/0301/utvikling?indikator=mobbing_7&med=4601,46"
        );
        // The address opens the same view.
        let (path, search) = url.split_once('?').unwrap();
        assert_eq!(parse_path(path), Page::Explore(oslo.clone(), View::Trend));
        let q = parse_query(search);
        assert_eq!(q.indicator.as_deref(), Some("mobbing_7"));
        assert_eq!(q.extra, extra);
        assert_eq!(page_lang(path, search), Lang::En);
        assert_eq!(
            trend_url(&oslo, "x", &[], Lang::Nb),
            "/kommune/0301/utvikling?indikator=x"
        );
    }

    #[test]
    fn trend_query_keeps_what_is_valid() {
        let q = parse_query("?indikator=<script>&med=4601,xx,4601,03,0,5001,1151,1103,1106");
        assert_eq!(q.indicator, None);
        let codes: Vec<&str> = q.extra.iter().map(AreaCode::as_str).collect();
        assert_eq!(codes, ["4601", "03", "0", "5001", "1151", "1103", "1106"]);
        let many: Vec<String> = (1..=99).map(|i| format!("46{i:02}")).collect();
        assert_eq!(
            parse_query(&format!("med={}", many.join(","))).extra.len(),
            MAX_CHOSEN_AREAS
        );
        assert_eq!(parse_query("med=4601%2C5001").extra.len(), 2);
    }

    #[test]
    fn the_language_switch_keeps_the_view() {
        let s = "?indikator=mobbing_7&lang=nn&med=4601";
        assert_eq!(
            with_lang("/kommune/0301/utvikling", s, Lang::En),
            "/en/kommune/0301/utvikling?indikator=mobbing_7&med=4601"
        );
        assert_eq!(
            with_lang("/en/kommune/0301/utvikling", s, Lang::Nb),
            "/kommune/0301/utvikling?indikator=mobbing_7&med=4601"
        );
        assert_eq!(with_lang("/om", "", Lang::Nn), "/nn/om");
        assert_eq!(with_lang("/nn/om", "?lang=en", Lang::Nb), "/om");
        assert_eq!(with_lang("/nn/om", "", Lang::En), "/en/om");
        assert_eq!(with_lang("/", "?lang=nn", Lang::Nn), "/nn/");
        assert_eq!(with_lang("/en", "", Lang::Nb), "/");
    }

    #[test]
    fn every_view_key_changes_the_query_and_no_other_does() {
        let valid = |k: &str| match k {
            "indikator" => "mobbing_7",
            "med" => "4601",
            "sett" => "like",
            "sorter" => "navn",
            "utsnitt" => "land",
            "klasser" => "signifikans",
            _ => "1",
        };
        for k in VIEW_KEYS {
            let q = parse_query(&format!("?{k}={}", valid(k)));
            assert_ne!(q, Query::default(), "{k}");
        }
        for other in ["lang=nn", "utm_source=x", "x=1"] {
            assert_eq!(
                Query {
                    lang: None,
                    ..parse_query(other)
                },
                Query::default(),
                "{other}"
            );
        }
    }

    #[test]
    fn the_language_lives_in_the_path_and_an_old_query_still_works() {
        assert_eq!(
            split_lang("/nn/kommune/4602"),
            (Some(Lang::Nn), "/kommune/4602")
        );
        assert_eq!(split_lang("/en"), (Some(Lang::En), ""));
        assert_eq!(split_lang("/nb/om"), (Some(Lang::Nb), "/om"));
        // A segment that only begins like a code is no language.
        assert_eq!(split_lang("/nnx/om"), (None, "/nnx/om"));
        assert_eq!(split_lang("/kommune/0301"), (None, "/kommune/0301"));
        let oslo = AreaCode::parse("0301").unwrap();
        assert_eq!(parse_path("/nn/kommune/0301"), Page::Profile(oslo.clone()));
        assert_eq!(parse_path("/en/"), Page::Home);
        assert_eq!(parse_path("/en/om"), Page::About);
        assert_eq!(
            parse_path("/nn/landet/kart"),
            Page::Explore(AreaCode::landet(), View::Map)
        );
        assert_eq!(parse_path("/nn/nn/om"), Page::NotFound);
        assert_eq!(parse_path("/de/om"), Page::NotFound);
        // The path wins over an older link's query; bokmål when neither says.
        assert_eq!(page_lang("/nn/kommune/0301", "?lang=en"), Lang::Nn);
        assert_eq!(page_lang("/kommune/0301", "?embed=1&lang=en"), Lang::En);
        assert_eq!(page_lang("/kommune/0301", "?lang=xx"), Lang::Nb);
        assert_eq!(lang_path("/nn/", Lang::Nn), "/nn/");
        assert_eq!(lang_path("/kommune/0301", Lang::Nb), "/kommune/0301");
    }

    #[test]
    fn every_view_round_trips() {
        let oslo = AreaCode::parse("0301").unwrap();
        let q = Query {
            indicator: Some("mobbing_7".into()),
            extra: vec![AreaCode::parse("4601").unwrap()],
            preset: Some(Preset::Chosen),
            sort: Sort::Name,
            scope: Some(Preset::Bydeler),
            classes: Classes::Significance,
            ..Query::default()
        };
        for view in View::ALL {
            for lang in [Lang::Nb, Lang::En] {
                let url = view_url(&oslo, view, &q, lang);
                let (path, search) = url.split_once('?').unwrap_or((&url, ""));
                assert_eq!(parse_path(path), Page::Explore(oslo.clone(), view), "{url}");
                // What the address holds is what the view reads; the rest was left out.
                let back = parse_query(search);
                assert_eq!(view_url(&oslo, view, &back, lang), url);
                assert_eq!(page_lang(path, search), lang);
                assert_eq!(back.lang, None);
            }
        }
        assert_eq!(
            view_url(&oslo, View::Compare, &q, Lang::Nb),
            "/kommune/0301/sammenlign?indikator=mobbing_7&sett=valgt&med=4601&sorter=navn"
        );
        assert_eq!(
            view_url(&oslo, View::Map, &q, Lang::Nn),
            "/nn/kommune/0301/kart?indikator=mobbing_7&utsnitt=bydeler&klasser=signifikans"
        );
        assert_eq!(
            view_url(&oslo, View::Population, &q, Lang::Nb),
            "/kommune/0301/befolkning"
        );
        assert_eq!(
            parse_path("/kommune/0301/kart"),
            Page::Explore(oslo, View::Map)
        );
        assert_eq!(parse_query("sett=tull").preset, None);
    }

    #[test]
    fn queries() {
        assert_eq!(parse_query("?lang=nn").lang, Some(Lang::Nn));
        assert_eq!(parse_query("lang=xx").lang, None);
        assert_eq!(parse_query("?embed=1&lang=en").embed, Some(Embed::Page));
        assert_eq!(parse_query("?=&&lang").lang, None);
    }

    proptest! {
        #[test]
        fn any_url_parses_without_panic(p in ".{0,60}", q in ".{0,60}") {
            let _ = parse_path(&p);
            let _ = parse_query(&q);
            let _ = with_lang(&p, &q, Lang::En);
        }
    }
}

#[cfg(test)]
mod choices {
    use super::*;

    #[test]
    fn choices_apply_together_and_keep_the_rest_of_the_address() {
        let q = parse_query("?indikator=mobbing_7&utsnitt=land&lang=nn&med=4601");
        let chosen = [
            ("indikator".to_string(), "lavinntekt_vedvarende".to_string()),
            ("utsnitt".to_string(), "bydeler".to_string()),
            ("klasser".to_string(), "signifikans".to_string()),
        ];
        let next = q.with_choices(&chosen);
        assert_eq!(next.indicator.as_deref(), Some("lavinntekt_vedvarende"));
        assert_eq!(next.scope, Some(Preset::Bydeler));
        assert_eq!(next.classes, Classes::Significance);
        assert_eq!(next.lang, Some(Lang::Nn));
        assert_eq!(next.extra, q.extra);
        // The same as the address would say it; a bad value changes nothing.
        assert_eq!(
            next,
            parse_query("?indikator=lavinntekt_vedvarende&utsnitt=bydeler&klasser=signifikans&lang=nn&med=4601")
        );
        let bad = q.with_choices(&[("utsnitt".to_string(), "<script>".to_string())]);
        assert_eq!(bad, q);
    }

    #[test]
    fn an_added_area_joins_the_others_with_the_indicator_chosen_beside_it() {
        let q = parse_query("?indikator=mobbing_7&med=4601");
        let chosen = [
            ("indikator".to_string(), "ensomhet".to_string()),
            (ADD_AREA.to_string(), "46".to_string()),
        ];
        assert_eq!(
            q.with_choices(&chosen),
            parse_query("?indikator=ensomhet&med=4601,46")
        );
        // Once only, and nothing for a bad code.
        let again = [(ADD_AREA.to_string(), "4601".to_string())];
        assert_eq!(q.with_choices(&again), q);
        let bad = [(ADD_AREA.to_string(), "x".to_string())];
        assert_eq!(q.with_choices(&bad), q);
        // The adder is no key of an address.
        assert_eq!(parse_query("?%2Bmed=46").extra, Vec::<AreaCode>::new());
    }
}

#[cfg(test)]
mod outstanding {
    use super::*;

    #[test]
    fn the_filter_goes_in_and_out_of_the_address_and_keeps_the_rest() {
        assert_eq!(
            with_outstanding("/kommune/5610", "?lang=nn", true),
            "/kommune/5610?lang=nn&utvalg=skiller"
        );
        assert!(is_outstanding("?lang=nn&utvalg=skiller"));
        assert_eq!(
            with_outstanding("/kommune/5610", "?utvalg=skiller&lang=nn", false),
            "/kommune/5610?lang=nn"
        );
        assert_eq!(
            with_outstanding("/kommune/5610", "?utvalg=skiller", false),
            "/kommune/5610"
        );
        assert!(!is_outstanding("?utvalg=alle") && !is_outstanding(""));
        // The language switch keeps it.
        assert_eq!(
            with_lang("/kommune/5610", "?utvalg=skiller", Lang::En),
            "/en/kommune/5610?utvalg=skiller"
        );
    }
}
