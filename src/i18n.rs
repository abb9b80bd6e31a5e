//! The UI's string catalogue in bokmål, nynorsk and English. Every string the app shows comes
//! from here (or, for data such as names and indicator texts, from the bundles).
//!
//! Messages with arguments use `{0}`, `{1}` …, filled in by [`tf`], so that each language can put
//! the arguments where its grammar wants them.

use leptos::prelude::*;
use oppvekst_core::Lang;

macro_rules! catalogue {
    ($($key:ident => [$nb:expr, $nn:expr, $en:expr $(,)?]),* $(,)?) => {
        /// A message of the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];
        }

        /// Each message's texts, in the order of `Msg`, each in bokmål, nynorsk and English.
        /// A table rather than a `match`: the match compiled to 10 KB of wasm.
        const TEXTS: &[[&str; 3]] = &[$([$nb, $nn, $en]),*];

        /// The message in the given language.
        pub fn t(lang: Lang, msg: Msg) -> &'static str {
            let column = match lang {
                Lang::Nb => 0,
                Lang::Nn => 1,
                Lang::En => 2,
            };
            TEXTS[msg as usize][column]
        }
    };
}

catalogue! {
    AppName => ["Oppvekstprofil", "Oppvekstprofil", "Growing-up profile"],
    Tagline => [
        "Statistikk om barn og unge 0–24 år i alle kommuner, bydeler og fylker",
        "Statistikk om born og unge 0–24 år i alle kommunar, bydelar og fylke",
        "Statistics on children and young people aged 0–24 in every municipality, district and county",
    ],
    SkipToContent => ["Hopp til innholdet", "Hopp til innhaldet", "Skip to content"],
    Language => ["Språk", "Språk", "Language"],
    Loading => ["Laster inn …", "Lastar inn …", "Loading …"],
    NoScript => [
        "JavaScript er slått av. Siden viser tallene slik den åpner, uten diagrammer, valg, søk og nedlasting.",
        "JavaScript er slått av. Sida viser tala slik ho opnar, utan diagram, val, søk og nedlasting.",
        "JavaScript is off. The page shows its figures as it opens, without charts, choices, search or downloads.",
    ],
    Landet => ["Hele landet", "Heile landet", "Norway"],
    LevelFylke => ["Fylke", "Fylke", "County"],
    LevelKommune => ["Kommune", "Kommune", "Municipality"],
    LevelBydel => ["Bydel", "Bydel", "City district"],
    LevelLandet => ["Landet", "Landet", "Country"],
    InFylke => ["i {0}", "i {0}", "in {0}"],
    SearchLabel => [
        "Søk etter kommune, bydel eller fylke",
        "Søk etter kommune, bydel eller fylke",
        "Search for a municipality, district or county",
    ],
    SearchPlaceholder => ["Navn eller nummer", "Namn eller nummer", "Name or number"],
    SearchNoHits => ["Ingen treff på «{0}».", "Ingen treff på «{0}».", "Nothing matches “{0}”."],
    SearchHits => ["{0} treff", "{0} treff", "{0} matches"],
    SearchNearest => ["Mente du", "Meinte du", "Did you mean"],
    OldNameNotice => [
        "{0} ble en del av {1} i {2}.",
        "{0} vart ein del av {1} i {2}.",
        "{0} became part of {1} in {2}.",
    ],
    OldCodeNotice => [
        "Kommunenummer {0} ble til {1} i {2}.",
        "Kommunenummer {0} vart til {1} i {2}.",
        "Municipality number {0} became {1} in {2}.",
    ],
    OldBydelNotice => [
        "Bydelsnummer {0} ble til {1} i {2}.",
        "Bydelsnummer {0} vart til {1} i {2}.",
        "District number {0} became {1} in {2}.",
    ],
    OldFylkeNotice => [
        "Fylkesnummer {0} ble til {1} i {2}.",
        "Fylkesnummer {0} vart til {1} i {2}.",
        "County number {0} became {1} in {2}.",
    ],
    RetiredSplitTitle => [
        "Nummer {0} er ikke i bruk lenger",
        "Nummer {0} er ikkje i bruk lenger",
        "Number {0} is no longer in use",
    ],
    RetiredSplitBody => [
        "Området ble delt i {0}. Velg det av dagens områder du vil se:",
        "Området vart delt i {0}. Vel det av dagens område du vil sjå:",
        "The area was split in {0}. Choose which of today's areas to see:",
    ],
    RecentTitle => ["Sist besøkt", "Sist vitja", "Recently visited"],
    BrowseByFylke => ["Alle kommuner etter fylke", "Alle kommunar etter fylke", "All municipalities by county"],
    KeyFigures => ["Barn i befolkningen", "Born i folkesetnaden", "Children in the population"],
    Children017 => ["Barn 0–17 år", "Born 0–17 år", "Children aged 0–17"],
    ShareOfPopulation => ["Andel av befolkningen", "Del av folkesetnaden", "Share of the population"],
    Area => ["Område", "Område", "Area"],
    Year => ["År", "År", "Year"],
    PerYear => ["1. januar {0}", "1. januar {0}", "1 January {0}"],
    ChildrenOverTime => [
        "Barn 0–17 år i {0}, {1}–{2}",
        "Born 0–17 år i {0}, {1}–{2}",
        "Children aged 0–17 in {0}, {1}–{2}",
    ],
    ChartAsTable => ["Tallene i diagrammet som tabell", "Tala i diagrammet som tabell", "The chart's figures as a table"],
    ChartUnavailable => [
        "Diagrammet kunne ikke tegnes. Tallene står i tabellen.",
        "Diagrammet kunne ikkje teiknast. Tala står i tabellen.",
        "The chart could not be drawn. The figures are in the table.",
    ],
    NotFoundTitle => ["Fant ikke siden", "Fann ikkje sida", "Page not found"],
    NotFoundBody => [
        "Vi har ingen side på denne adressen.",
        "Vi har inga side på denne adressa.",
        "There is no page at this address.",
    ],
    UnknownAreaTitle => ["Fant ikke området", "Fann ikkje området", "Area not found"],
    UnknownAreaBody => [
        "Det finnes ingen kommune, bydel eller fylke med nummer «{0}» i 2024-inndelingen.",
        "Det finst ingen kommune, bydel eller fylke med nummer «{0}» i 2024-inndelinga.",
        "There is no municipality, district or county numbered “{0}” in the 2024 division.",
    ],
    ErrorTitle => ["Tallene kunne ikke vises", "Tala kunne ikkje visast", "The figures could not be shown"],
    ErrorOffline => [
        "Du ser ut til å være uten nett. Koble til og prøv igjen.",
        "Du ser ut til å vere utan nett. Kopla til og prøv igjen.",
        "You seem to be offline. Connect and try again.",
    ],
    ErrorNetwork => [
        "Vi fikk ikke kontakt med serveren. Prøv igjen om litt.",
        "Vi fekk ikkje kontakt med tenaren. Prøv igjen om litt.",
        "We could not reach the server. Try again in a moment.",
    ],
    ErrorMissing => [
        "Datafilen finnes ikke på serveren (404).",
        "Datafila finst ikkje på tenaren (404).",
        "The data file is missing on the server (404).",
    ],
    ErrorHttp => [
        "Serveren svarte med feil {0}.",
        "Tenaren svarte med feil {0}.",
        "The server answered with error {0}.",
    ],
    ErrorCorrupt => [
        "Datafilen er skadet eller av feil versjon, så vi viser ingen tall fra den.",
        "Datafila er skadd eller av feil versjon, så vi viser ingen tal frå henne.",
        "The data file is damaged or of the wrong version, so we show no figures from it.",
    ],
    ErrorDetail => ["Teknisk detalj: {0}", "Teknisk detalj: {0}", "Technical detail: {0}"],
    Retry => ["Prøv igjen", "Prøv igjen", "Try again"],
    BackToSearch => ["Tilbake til søket", "Tilbake til søket", "Back to search"],
    BackToStart => ["Til forsiden", "Til framsida", "To the front page"],
    PanicTitle => ["Noe gikk galt", "Noko gjekk gale", "Something went wrong"],
    BootFailedTitle => [
        "Siden kunne ikke lastes ferdig",
        "Sida kunne ikkje lastast ferdig",
        "The page could not finish loading",
    ],
    BootFailedBody => [
        "En del av appen kom ikke fram, kanskje fordi nettet falt ut eller siden nettopp er oppdatert.",
        "Ein del av appen kom ikkje fram, kanskje fordi nettet fall ut eller sida nettopp er oppdatert.",
        "Part of the app did not arrive, perhaps because the connection dropped or the site was just updated.",
    ],
    PanicBody => [
        "Siden stoppet på grunn av en feil hos oss. Last siden på nytt for å fortsette.",
        "Sida stoppa på grunn av ein feil hos oss. Last sida på nytt for å halde fram.",
        "The page stopped because of an error on our side. Reload the page to continue.",
    ],
    Sources => ["Kilder", "Kjelder", "Sources"],
    SourcesCredit => [
        "Befolkning og områdeinndeling: Statistisk sentralbyrå (SSB), NLOD/CC BY 4.0. Kart: Kartverket, CC BY 4.0.",
        "Folkesetnad og områdeinndeling: Statistisk sentralbyrå (SSB), NLOD/CC BY 4.0. Kart: Kartverket, CC BY 4.0.",
        "Population and area division: Statistics Norway (SSB), NLOD/CC BY 4.0. Maps: Norwegian Mapping Authority (Kartverket), CC BY 4.0.",
    ],
    AboutLink => ["Om tallene", "Om tala", "About the figures"],
    AboutTitle => ["Om tallene", "Om tala", "About the figures"],
    AboutIntro => [
        "Oppvekstprofilen samler statistikk om hvordan barn og unge vokser opp, etter mønster av Folkehelseinstituttets oppvekstprofiler. Alle sammenligninger regnes ut i nettleseren din fra tallene i datafilene.",
        "Oppvekstprofilen samlar statistikk om korleis born og unge veks opp, etter mønster av oppvekstprofilane til Folkehelseinstituttet. Alle samanlikningar blir rekna ut i nettlesaren din frå tala i datafilene.",
        "The growing-up profile gathers statistics on how children and young people grow up, modelled on the Norwegian Institute of Public Health's profiles. Every comparison is computed in your browser from the figures in the data files.",
    ],
    AboutPopulation => [
        "Befolkningstallene er SSBs tall per 1. januar (tabell 07459 og 10826), på kommune- og bydelsgrensene fra 2024. Vindafjord og Aure har tall fra 2006.",
        "Folketala er tala til SSB per 1. januar (tabell 07459 og 10826), på kommune- og bydelsgrensene frå 2024. Vindafjord og Aure har tal frå 2006.",
        "Population figures are Statistics Norway's counts on 1 January (tables 07459 and 10826), on the 2024 municipal and district borders. Vindafjord and Aure have figures from 2006.",
    ],
    AboutDemodataTitle => ["Demodata: modellerte tall", "Demodata: modellerte tal", "Demo data: modelled figures"],
    AboutDemodata => [
        "Her finnes bare ekte befolkningstall fra SSB. Alle andre indikatorer er demodata: tall laget av en dokumentert, fast statistisk modell med tilfeldig variasjon, slik at siden kan vises og testes med realistiske tall. Modellen følger omtrentlige nasjonale nivåer, gir fylker og kommuner varige forskjeller, og trekker tellinger med binomisk eller Poisson-variasjon rundt ekte befolkningstall, så små kommuner varierer mer enn store. Fylker og landet er summer av kommunene. Tallene sier ingenting om det virkelige stedet. Alle visninger med slike tall er merket «demodata». Når ekte tabeller fra FHI eller SSB lastes inn med kommandoen oppvekst-data import, erstattes modelltallene for den indikatoren.",
        "Her finst berre ekte folketal frå SSB. Alle andre indikatorar er demodata: tal laga av ein dokumentert, fast statistisk modell med tilfeldig variasjon, slik at sida kan visast og testast med realistiske tal. Modellen følgjer omtrentlege nasjonale nivå, gir fylke og kommunar varige skilnader, og trekkjer teljingar med binomisk eller Poisson-variasjon rundt ekte folketal, så små kommunar varierer meir enn store. Fylke og landet er summar av kommunane. Tala seier ingenting om den verkelege staden. Alle visingar med slike tal er merkte «demodata». Når ekte tabellar frå FHI eller SSB blir lasta inn med kommandoen oppvekst-data import, blir modelltala for den indikatoren bytte ut.",
        "Only the population figures from Statistics Norway are real here. Every other indicator is demo data: figures made by a documented, fixed statistical model with random variation, so that the site can be shown and tested with realistic numbers. The model follows approximate national levels, gives counties and municipalities lasting differences, and draws counts with binomial or Poisson variation around real population figures, so small municipalities vary more than large ones. Counties and Norway are sums of their municipalities. The figures say nothing about the real place. Every view with such figures is marked “demo data”. When real tables from FHI or Statistics Norway are loaded with the command oppvekst-data import, the modelled figures of that indicator are replaced.",
    ],
    AboutMethodsTitle => ["Slik regner vi", "Slik reknar vi", "How the figures are computed"],
    AboutCompare => [
        "Sammenligning med landet: For hver verdi regner vi et 95 % konfidensintervall ut fra antall tilfeller og antall personer. Andeler bruker Wilsons intervall, rater bruker eksakte Poisson-intervaller (Garwood), og Byars tilnærming fra 100 tilfeller. Ligger landets verdi utenfor områdets intervall, er forskjellen statistisk signifikant. Om høyere er bedre eller dårligere avgjør om merket blir grønt (sirkel) eller rødt (rute). Gult (firkant) betyr ingen signifikant forskjell. Indikatorer uten retning får et grått merke som viser høyere (trekant opp) eller lavere (trekant ned).",
        "Samanlikning med landet: For kvar verdi reknar vi eit 95 % konfidensintervall ut frå talet på tilfelle og talet på personar. Delar bruker intervallet til Wilson, ratar bruker eksakte Poisson-intervall (Garwood), og tilnærminga til Byar frå 100 tilfelle. Ligg verdien for landet utanfor intervallet til området, er skilnaden statistisk signifikant. Om høgare er betre eller dårlegare avgjer om merket blir grønt (sirkel) eller raudt (rute). Gult (firkant) tyder ingen signifikant skilnad. Indikatorar utan retning får eit grått merke som viser høgare (trekant opp) eller lågare (trekant ned).",
        "Comparison with Norway: for every value we compute a 95 % confidence interval from the number of cases and the number of people. Shares use the Wilson interval, rates use exact Poisson intervals (Garwood), with Byar's approximation from 100 cases. If Norway's value lies outside the area's interval, the difference is statistically significant. Whether higher is better or worse decides if the mark is green (circle) or red (diamond). Yellow (square) means no significant difference. Indicators without a direction get a grey mark showing higher (triangle up) or lower (triangle down).",
    ],
    AboutSpread => [
        "Spredning og rangering: Spredningen viser laveste og høyeste kommune, de midterste 50 % (25- og 75-persentilen, type 7) og området til de ti beste kommunene. Rangeringen gir like verdier samme plass (1, 2, 2, 4), der 1 er best.",
        "Spreiing og rangering: Spreiinga viser lågaste og høgaste kommune, dei midtarste 50 % (25- og 75-persentilen, type 7) og området til dei ti beste kommunane. Rangeringa gir like verdiar same plass (1, 2, 2, 4), der 1 er best.",
        "Spread and rank: the spread shows the lowest and highest municipality, the middle 50 % (the 25th and 75th percentiles, type 7) and the range of the ten best municipalities. Ranks give equal values the same place (1, 2, 2, 4), where 1 is best.",
    ],
    AboutTrend => [
        "Utvikling: Vi tester om verdien har økt eller sunket signifikant over de siste fem periodene som ikke overlapper, med en vektet regresjon på log-raten eller log-oddsen, der vekten følger antall tilfeller. Er variasjonen fra år til år større enn tilfeldig telling forklarer, blir testen strengere. Flerårige tall er summer av tellinger over årene, slik FHI lager dem.",
        "Utvikling: Vi testar om verdien har auka eller søkk signifikant over dei siste fem periodane som ikkje overlappar, med ei vekta regresjon på log-raten eller log-oddsen, der vekta følgjer talet på tilfelle. Er variasjonen frå år til år større enn tilfeldig teljing forklarer, blir testen strengare. Fleirårige tal er summar av teljingar over åra, slik FHI lagar dei.",
        "Trend: we test whether the value has risen or fallen significantly over the last five non-overlapping periods, with a weighted regression on the log rate or log odds, weighted by the number of cases. Where the year-to-year variation is larger than counting explains, the test becomes stricter. Multi-year figures are sums of counts over the years, as FHI makes them.",
    ],
    AboutSentences => [
        "Nøkkelsetningene er indikatorene som skiller seg signifikant fra landet (for en bydel også fra kommunen), sortert etter hvor stor forskjellen er (forholdet mellom ratene eller oddsene).",
        "Nøkkelsetningane er indikatorane som skil seg signifikant frå landet (for ein bydel også frå kommunen), sorterte etter kor stor skilnaden er (forholdet mellom ratane eller oddsane).",
        "The key sentences are the indicators that differ significantly from Norway (for a district also from its municipality), ordered by the size of the difference (the ratio of rates or odds).",
    ],
    AboutSuppression => [
        "Personvern: Som FHI skjuler vi tall med 3 eller færre tilfeller, der alle unntatt 3 eller færre har egenskapen, og der 10 eller færre personer inngår. En serie skjules når over halvparten av punktene er små. I tillegg skjules nabotall, slik at et skjult tall aldri kan regnes ut som fylket minus de andre kommunene, eller kommunen minus de andre bydelene. Skjulte tall vises som «Skjult: for få tilfeller», aldri som 0.",
        "Personvern: Som FHI skjuler vi tal med 3 eller færre tilfelle, der alle unnateke 3 eller færre har eigenskapen, og der 10 eller færre personar er med. Ein serie blir skjult når over halvparten av punkta er små. I tillegg blir nabotal skjulte, slik at eit skjult tal aldri kan reknast ut som fylket minus dei andre kommunane, eller kommunen minus dei andre bydelane. Skjulte tal blir viste som «Skjult: for få tilfelle», aldri som 0.",
        "Privacy: like FHI we hide figures with 3 or fewer cases, where all but 3 or fewer have the property, and where 10 or fewer people are counted. A series is hidden when more than half of its points are small. Neighbouring figures are hidden too, so that a hidden figure can never be computed as the county minus the other municipalities, or the municipality minus the other districts. Hidden figures show as “Hidden: too few cases”, never as 0.",
    ],
    SourceListTitle => ["Kilder og lisenser", "Kjelder og lisensar", "Sources and licences"],
    SourceClassification => [
        "Områdeinndeling 2024 (kommuner, fylker, bydeler): SSB KLASS. Lisens NLOD / CC BY 4.0.",
        "Områdeinndeling 2024 (kommunar, fylke, bydelar): SSB KLASS. Lisens NLOD / CC BY 4.0.",
        "Area division 2024 (municipalities, counties, districts): Statistics Norway KLASS. Licence NLOD / CC BY 4.0.",
    ],
    SourcePopulation => [
        "Befolkning etter alder 2005–2026: SSB tabell 07459 og 10826, samlet av FHIs R-pakke csdata. Lisens NLOD / CC BY 4.0.",
        "Folkesetnad etter alder 2005–2026: SSB tabell 07459 og 10826, samla av R-pakka csdata frå FHI. Lisens NLOD / CC BY 4.0.",
        "Population by age 2005–2026: Statistics Norway tables 07459 and 10826, compiled by FHI's R package csdata. Licence NLOD / CC BY 4.0.",
    ],
    SourceMaps => [
        "Kart over kommuner, fylker og bydeler: Kartverket og Geonorge. Lisens CC BY 4.0.",
        "Kart over kommunar, fylke og bydelar: Kartverket og Geonorge. Lisens CC BY 4.0.",
        "Maps of municipalities, counties and districts: Norwegian Mapping Authority and Geonorge. Licence CC BY 4.0.",
    ],
    Barometer => ["Oppvekstbarometer", "Oppvekstbarometer", "Growing-up barometer"],
    BarometerIntro => [
        "Alle indikatorene for {0}, sammenlignet med landet. Fargen og formen på merket viser om verdien er statistisk signifikant bedre eller dårligere enn landet.",
        "Alle indikatorane for {0}, samanlikna med landet. Fargen og forma på merket viser om verdien er statistisk signifikant betre eller dårlegare enn landet.",
        "Every indicator for {0}, compared with Norway. The colour and shape of the mark show whether the value is statistically significantly better or worse than Norway.",
    ],
    GroupBefolkning => ["Befolkning", "Befolkning", "Population"],
    GroupLevekar => ["Levekår", "Levekår", "Living conditions"],
    GroupBarnehageSkole => ["Barnehage og skole", "Barnehage og skule", "Kindergarten and school"],
    GroupFritidNaermiljo => ["Fritid og nærmiljø", "Fritid og nærmiljø", "Leisure and neighbourhood"],
    GroupHelse => ["Helse og helsetilstand", "Helse og helsetilstand", "Health"],
    Indicator => ["Indikator", "Indikator", "Indicator"],
    Comparison => ["Sammenlignet med landet", "Samanlikna med landet", "Compared with Norway"],
    SpreadHeader => ["Spredning i kommunene", "Spreiing i kommunane", "Spread across municipalities"],
    MarkBetter => ["Bedre enn landet", "Betre enn landet", "Better than Norway"],
    MarkWorse => ["Dårligere enn landet", "Dårlegare enn landet", "Worse than Norway"],
    MarkSimilar => ["Ikke signifikant forskjellig fra landet", "Ikkje signifikant ulik landet", "Not significantly different from Norway"],
    MarkHigher => ["Høyere enn landet", "Høgare enn landet", "Higher than Norway"],
    MarkLower => ["Lavere enn landet", "Lågare enn landet", "Lower than Norway"],
    MarkNotTested => ["Ikke testet", "Ikkje testa", "Not tested"],
    TrendBetter => ["Bedre utvikling", "Betre utvikling", "Improving"],
    TrendWorse => ["Dårligere utvikling", "Dårlegare utvikling", "Worsening"],
    TrendUp => ["Økende", "Aukande", "Rising"],
    TrendDown => ["Synkende", "Søkkande", "Falling"],
    MarkNoData => ["Ingen sammenligning", "Inga samanlikning", "No comparison"],
    VsNamedBetter => ["bedre enn {0}", "betre enn {0}", "better than {0}"],
    VsNamedWorse => ["dårligere enn {0}", "dårlegare enn {0}", "worse than {0}"],
    VsNamedSimilar => ["ingen sikker forskjell fra {0}", "ingen sikker skilnad frå {0}", "no clear difference from {0}"],
    VsNamedHigher => ["høyere enn {0}", "høgare enn {0}", "higher than {0}"],
    VsNamedLower => ["lavere enn {0}", "lågare enn {0}", "lower than {0}"],
    VsKommuneBetter => ["bedre enn kommunen", "betre enn kommunen", "better than the municipality"],
    VsKommuneWorse => ["dårligere enn kommunen", "dårlegare enn kommunen", "worse than the municipality"],
    VsKommuneSimilar => ["som kommunen", "som kommunen", "like the municipality"],
    VsKommuneHigher => ["høyere enn kommunen", "høgare enn kommunen", "higher than the municipality"],
    VsKommuneLower => ["lavere enn kommunen", "lågare enn kommunen", "lower than the municipality"],
    FlagMissing => ["Mangler tall", "Manglar tal", "No data"],
    FlagNotComputable => ["Kan ikke beregnes", "Kan ikkje reknast ut", "Cannot be computed"],
    FlagSuppressed => ["Skjult: for få tilfeller", "Skjult: for få tilfelle", "Hidden: too few cases"],
    ShowDetails => ["Vis detaljer om {0}", "Vis detaljar om {0}", "Show details of {0}"],
    Definition => ["Definisjon", "Definisjon", "Definition"],
    SourceOf => ["Kilde", "Kjelde", "Source"],
    Period => ["Periode", "Periode", "Period"],
    ConfidenceInterval => ["95 % konfidensintervall", "95 % konfidensintervall", "95 % confidence interval"],
    RankNational => ["Rangering i landet", "Rangering i landet", "Rank in Norway"],
    RankFylke => ["Rangering i fylket", "Rangering i fylket", "Rank in the county"],
    RankOf => ["{0} av {1} (1 er best)", "{0} av {1} (1 er best)", "{0} of {1} (1 is best)"],
    RankOfNeutral => ["{0} av {1} (1 er høyest)", "{0} av {1} (1 er høgast)", "{0} of {1} (1 is highest)"],
    TrendLabel => ["Utvikling", "Utvikling", "Trend"],
    TrendRising => ["Signifikant økende de siste {0} periodene", "Signifikant aukande dei siste {0} periodane", "Significantly rising over the last {0} periods"],
    TrendFalling => ["Signifikant synkende de siste {0} periodene", "Signifikant søkkande dei siste {0} periodane", "Significantly falling over the last {0} periods"],
    TrendStable => ["Ingen signifikant endring de siste {0} periodene", "Inga signifikant endring dei siste {0} periodane", "No significant change over the last {0} periods"],
    TrendInsufficient => ["For få tall til å si noe om utviklingen", "For få tal til å seie noko om utviklinga", "Too few figures to judge the trend"],
    TrendPageTitle => ["Utvikling over tid", "Utvikling over tid", "Over time"],
    TrendPageLead => ["{0} for {1}, sammenlignet med andre områder.", "{0} for {1}, samanlikna med andre område.", "{0} for {1}, compared with other areas."],
    IndicatorPick => ["Indikator", "Indikator", "Indicator"],
    Show => ["Vis", "Vis", "Show"],
    Add => ["Legg til", "Legg til", "Add"],
    AddArea => ["Legg til et område (høyst 5)", "Legg til eit område (høgst 5)", "Add an area (at most 5)"],
    AddAreaChoose => ["Velg område …", "Vel område …", "Choose an area …"],
    AddedAreas => ["Lagt til", "Lagt til", "Added"],
    RemoveArea => ["Fjern {0}", "Fjern {0}", "Remove {0}"],
    PandemicNote => ["Det skyggelagte feltet er pandemiårene 2020–2022.", "Det skuggelagde feltet er pandemiåra 2020–2022.", "The shaded band is the pandemic years 2020–2022."],
    PandemicLabel => ["Pandemi", "Pandemi", "Pandemic"],
    GapHidden => ["skjult", "skjult", "hidden"],
    GapNoValue => ["ingen verdi", "ingen verdi", "no value"],
    GapRun => ["{0} til {1}", "{0} til {1}", "{0} to {1}"],
    GapAll => ["alle perioder", "alle periodar", "every period"],
    GapNote => ["Der en linje har et brudd, er verdien ikke vist: {0}.", "Der ei linje har eit brot, er verdien ikkje vist: {0}.", "Where a line breaks, the value is not shown: {0}."],
    CiBandLabel => ["95 % KI for {0}", "95 % KI for {0}", "95 % CI for {0}"],
    BackToProfile => ["Tilbake til profilen for {0}", "Tilbake til profilen for {0}", "Back to the profile of {0}"],
    SeeTrend => ["Se utviklingen over tid, og sammenlign", "Sjå utviklinga over tid, og samanlikn", "See the trend over time, and compare"],
    TrendChartTitle => ["{0}: {1} og landet", "{0}: {1} og landet", "{0}: {1} and Norway"],
    OutstandingOnly => ["Vis bare det som skiller seg ut", "Vis berre det som skil seg ut", "Show only what stands out"],
    OutstandingCount => ["({0} av {1})", "({0} av {1})", "({0} of {1})"],
    FlagsLegend => [
        "Uten tall: «Skjult: for få tilfeller» betyr at tallet er skjult for å verne enkeltpersoner, «Kan ikke beregnes» at tallgrunnlaget ikke gir noen verdi (for eksempel ingen barn i gruppen), og «Mangler tall» at kilden ikke har tall for området.",
        "Utan tal: «Skjult: for få tilfelle» tyder at talet er skjult for å verne enkeltpersonar, «Kan ikkje reknast ut» at talgrunnlaget ikkje gir nokon verdi (til dømes ingen born i gruppa), og «Manglar tal» at kjelda ikkje har tal for området.",
        "Without figures: «Hidden: too few cases» means the figure is hidden to protect individuals, «Cannot be computed» that the underlying numbers give no value (no children in the group, say), and «No data» that the source has no figures for the area.",
    ],
    SpreadLegend => [
        "Spredningen: streken går fra laveste til høyeste kommune, den grå boksen dekker de midterste 50 %, det grønne feltet de ti beste kommunene, den loddrette streken er landet og sirkelen er {0}.",
        "Spreiinga: streken går frå lågaste til høgaste kommune, den grå boksen dekkjer dei midtarste 50 %, det grøne feltet dei ti beste kommunane, den loddrette streken er landet og sirkelen er {0}.",
        "The spread: the line runs from the lowest to the highest municipality, the grey box covers the middle 50 %, the green band the ten best municipalities, the vertical line is Norway and the circle is {0}.",
    ],
    SpreadSummary => [
        "Kommunene spenner fra {0} til {1}, median {2}",
        "Kommunane spenner frå {0} til {1}, median {2}",
        "Municipalities range from {0} to {1}, median {2}",
    ],
    KeySentencesTitle => ["Dette skiller seg ut", "Dette skil seg ut", "What stands out"],
    KeySentencesNone => [
        "Ingen av indikatorene skiller seg signifikant fra landet.",
        "Ingen av indikatorane skil seg signifikant frå landet.",
        "None of the indicators differ significantly from Norway.",
    ],
    DemodataTitle => ["Demodata", "Demodata", "Demo data"],
    DemodataBody => [
        "Tallene for de fleste indikatorene er modellerte demodata, ikke ekte statistikk. Bare befolkningstallene er ekte.",
        "Tala for dei fleste indikatorane er modellerte demodata, ikkje ekte statistikk. Berre folketala er ekte.",
        "The figures of most indicators are modelled demo data, not real statistics. Only the population figures are real.",
    ],
    DemodataLink => ["Hva betyr demodata?", "Kva tyder demodata?", "What does demo data mean?"],
    DemodataShort => ["ikke ekte tall.", "ikkje ekte tal.", "not real figures."],
    DemodataLinkShort => ["Les mer", "Les meir", "Read more"],
    DemodataBadge => ["demodata", "demodata", "demo data"],
    ThemeTitle => ["Tema", "Tema", "Themes"],
    LeversTitle => ["Dette kan kommunen gjøre", "Dette kan kommunen gjere", "What the municipality can do"],
    Legend => ["Tegnforklaring", "Teiknforklaring", "Key"],
    ExploreNav => ["Utforsk tallene", "Utforsk tala", "Explore the figures"],
    ViewProfile => ["Profil", "Profil", "Profile"],
    ViewTrend => ["Utvikling", "Utvikling", "Over time"],
    ViewCompare => ["Sammenlign", "Samanlikn", "Compare"],
    ViewMap => ["Kart", "Kart", "Map"],
    ViewOverview => ["Oversikt", "Oversikt", "Overview"],
    ViewPopulation => ["Befolkning", "Befolkning", "Population"],
    ViewBreakdown => ["Fordeling", "Fordeling", "Breakdown"],
    BreakdownTitle => ["Fordelt på kjønn og innvandringsbakgrunn", "Fordelt på kjønn og innvandringsbakgrunn", "By sex and immigrant background"],
    BreakdownLead => [
        "{0} i {1}, fordelt på kategorier og sammenlignet med samme kategori i landet.",
        "{0} i {1}, fordelt på kategoriar og samanlikna med same kategori i landet.",
        "{0} in {1}, by category and compared with the same category in Norway.",
    ],
    BreakdownColours => [
        "Fargen viser sammenligningen med landet; grå søyler er landet.",
        "Fargen viser samanlikninga med landet; grå søyler er landet.",
        "The colour shows the comparison with Norway; grey bars are Norway.",
    ],
    BreakdownNone => [
        "Det finnes ingen fordeling for dette området.",
        "Det finst inga fordeling for dette området.",
        "There is no breakdown for this area.",
    ],
    BreakdownNoneForIndicator => [
        "Denne indikatoren har ingen fordeling. Velg en annen.",
        "Denne indikatoren har inga fordeling. Vel ein annan.",
        "This indicator has no breakdown. Choose another.",
    ],
    Category => ["Kategori", "Kategori", "Category"],
    BetweenBetter => ["{0} har signifikant bedre verdi enn {1}.", "{0} har signifikant betre verdi enn {1}.", "{0} have a significantly better value than {1}."],
    BetweenWorse => ["{0} har signifikant dårligere verdi enn {1}.", "{0} har signifikant dårlegare verdi enn {1}.", "{0} have a significantly worse value than {1}."],
    BetweenHigher => ["{0} ligger signifikant høyere enn {1}.", "{0} ligg signifikant høgare enn {1}.", "{0} are significantly higher than {1}."],
    BetweenLower => ["{0} ligger signifikant lavere enn {1}.", "{0} ligg signifikant lågare enn {1}.", "{0} are significantly lower than {1}."],
    BetweenSimilar => ["Ingen signifikant forskjell mellom {0} og {1}.", "Inga signifikant skilnad mellom {0} og {1}.", "No significant difference between {0} and {1}."],
    BetweenNoData => [
        "{0} og {1} kan ikke sammenlignes: minst én av verdiene er skjult eller mangler.",
        "{0} og {1} kan ikkje samanliknast: minst éin av verdiane er skjult eller manglar.",
        "{0} and {1} cannot be compared: at least one of the values is hidden or missing.",
    ],
    ComparePageTitle => ["Sammenlign områder", "Samanlikn område", "Compare areas"],
    CompareLead => [
        "{0} i hvert område. Fargen viser om verdien er signifikant bedre eller dårligere enn landet; den skraverte boksen er 95 % konfidensintervall, den svarte streken landet.",
        "{0} i kvart område. Fargen viser om verdien er signifikant betre eller dårlegare enn landet; den skraverte boksen er 95 % konfidensintervall, den svarte streken landet.",
        "{0} in each area. The colour shows whether the value is significantly better or worse than Norway; the shaded box is the 95 % confidence interval, the black line Norway.",
    ],
    CompareSummary => [
        "Signifikant bedre enn landet: {0}. Dårligere: {1}. Høyere eller lavere, uten at det er bedre eller dårligere: {2}. Ikke signifikant forskjellige: {3}. Uten sammenligning: {4}.",
        "Signifikant betre enn landet: {0}. Dårlegare: {1}. Høgare eller lågare, utan at det er betre eller dårlegare: {2}. Ikkje signifikant ulike: {3}. Utan samanlikning: {4}.",
        "Significantly better than Norway: {0}. Worse: {1}. Higher or lower, with no better or worse: {2}. Not significantly different: {3}. Without a comparison: {4}.",
    ],
    SetPick => ["Områder", "Område", "Areas"],
    PresetFylke => ["Kommunene i {0}", "Kommunane i {0}", "The municipalities of {0}"],
    PresetFylker => ["Fylkene", "Fylka", "The counties"],
    PresetSimilar => ["Kommuner som ligner på {0}", "Kommunar som liknar på {0}", "Municipalities like {0}"],
    PresetBydeler => ["Bydelene i {0}", "Bydelane i {0}", "The districts of {0}"],
    PresetSatsing => ["Områdesatsingen i Oslo mot resten av Oslo", "Områdesatsinga i Oslo mot resten av Oslo", "Oslo's area-based initiative against the rest of Oslo"],
    PresetLand => ["Alle kommuner", "Alle kommunar", "All municipalities"],
    PresetChosen => ["Egne valg", "Eigne val", "Your own choice"],
    SortPick => ["Sorter etter", "Sorter etter", "Sort by"],
    SortValue => ["Verdi", "Verdi", "Value"],
    SortName => ["Navn", "Namn", "Name"],
    SatsingPooled => ["Områdesatsingen samlet", "Områdesatsinga samla", "The initiative's districts together"],
    RestOfOslo => ["Resten av Oslo", "Resten av Oslo", "The rest of Oslo"],
    SatsingNote => [
        "Områdesatsingen omfatter Alna, Bjerke, Gamle Oslo, Grorud, Stovner og Søndre Nordstrand. De samlede tallene er summer av bydelenes tellinger; er én bydel skjult, er summen skjult.",
        "Områdesatsinga omfattar Alna, Bjerke, Gamle Oslo, Grorud, Stovner og Søndre Nordstrand. Dei samla tala er summar av teljingane i bydelane; er éin bydel skjult, er summen skjult.",
        "The initiative covers Alna, Bjerke, Gamle Oslo, Grorud, Stovner and Søndre Nordstrand. The pooled figures are sums of the districts' counts; if one district is hidden, so is the sum.",
    ],
    SimilarTitle => ["Hvorfor disse kommunene?", "Kvifor desse kommunane?", "Why these municipalities?"],
    SimilarLead => [
        "De ti kommunene som ligner mest på {0} i folketall, andel barn, lavinntekt, utdanning og andel innvandrerbarn, nærmest først.",
        "Dei ti kommunane som liknar mest på {0} i folketal, del born, låginntekt, utdanning og del innvandrarborn, nærmast først.",
        "The ten municipalities most like {0} in population, share of children, low income, education and share of immigrant children, nearest first.",
    ],
    Value => ["Verdi", "Verdi", "Value"],
    ChosenAreas => ["Valgte områder", "Valde område", "Chosen areas"],
    AddChosen => ["Legg til et område", "Legg til eit område", "Add an area"],
    MapPageTitle => ["Kart", "Kart", "Map"],
    MapLead => [
        "{0} i hvert område, farget etter verdien eller etter sammenligningen med landet. Hold over eller trykk på et område for å se tallet, eller bruk tabellen under kartet.",
        "{0} i kvart område, farga etter verdien eller etter samanlikninga med landet. Hald over eller trykk på eit område for å sjå talet, eller bruk tabellen under kartet.",
        "{0} in each area, coloured by its value or by the comparison with Norway. Hover over or tap an area to see its figure, or use the table below the map.",
    ],
    ScopePick => ["Kartutsnitt", "Kartutsnitt", "Map extent"],
    ClassesPick => ["Fargelegg etter", "Fargelegg etter", "Colour by"],
    ClassesQuantile => ["Verdi, i fem like store grupper", "Verdi, i fem like store grupper", "Value, in five groups of equal size"],
    ClassesSignificance => ["Sammenligning med landet", "Samanlikning med landet", "Comparison with Norway"],
    NoValueLegend => [
        "Ingen verdi: skjult fordi det er for få tilfeller, mangler eller kan ikke beregnes",
        "Ingen verdi: skjult fordi det er for få tilfelle, manglar eller kan ikkje reknast ut",
        "No value: hidden because there are too few cases, missing or not computable",
    ],
    MapAreas => ["Områdene på kartet", "Områda på kartet", "The areas on the map"],
    PointAt => ["Vis {0} på kartet", "Vis {0} på kartet", "Show {0} on the map"],
    MapSummary => [
        "Lavest: {0} ({1}). Høyest: {2} ({3}). {4} områder uten verdi.",
        "Lågast: {0} ({1}). Høgast: {2} ({3}). {4} område utan verdi.",
        "Lowest: {0} ({1}). Highest: {2} ({3}). {4} areas without a value.",
    ],
    MapNoShapes => [
        "Kartet har ikke grenser for disse områdene. Tallene står i tabellen.",
        "Kartet har ikkje grenser for desse områda. Tala står i tabellen.",
        "The map has no borders for these areas. The figures are in the table.",
    ],
    Class => ["Gruppe", "Gruppe", "Group"],
    OverviewTitle => ["Oversikt over alle indikatorer", "Oversikt over alle indikatorane", "Overview of every indicator"],
    OverviewLead => [
        "Hver rute viser siste verdi for området, farget etter sammenligningen med landet. Første rad er landet.",
        "Kvar rute viser siste verdi for området, farga etter samanlikninga med landet. Første rad er landet.",
        "Each cell shows the area's latest value, coloured by the comparison with Norway. The first row is Norway.",
    ],
    RugCardsRest => ["{0} andre indikatorer skiller seg ikke ut", "{0} andre indikatorar skil seg ikkje ut", "{0} other indicators do not stand out"],
    RugCardsProfile => ["Profilen for {0}", "Profilen for {0}", "The profile of {0}"],
    RugCardsNote => ["Hvert område med tallet på indikatorer som skiller seg ut fra landet. Åpne et område for å se dem, med landets verdi i parentes. Alle tallene står i tabellen på en bredere skjerm.", "Kvart område med talet på indikatorar som skil seg ut frå landet. Opne eit område for å sjå dei, med verdien for landet i parentes. Alle tala står i tabellen på ein breiare skjerm.", "Each area with the number of indicators that stand out from Norway. Open an area to see them, with Norway's value in brackets. Every figure is in the table on a wider screen."],
    OverviewCount => ["{0} områder, {1} indikatorer", "{0} område, {1} indikatorar", "{0} areas, {1} indicators"],
    PopulationTitle => ["Befolkning etter alder", "Folkesetnad etter alder", "Population by age"],
    AgeProfileTitle => ["Aldersprofil 0–24 år, {0} og landet, 1. januar {1}", "Aldersprofil 0–24 år, {0} og landet, 1. januar {1}", "Age profile 0–24, {0} and Norway, 1 January {1}"],
    AgeProfileLead => [
        "Hvert alderstrinn som andel av hele befolkningen, sammenlignet med landet. Ekte tall fra SSB.",
        "Kvart alderssteg som del av heile folkesetnaden, samanlikna med landet. Ekte tal frå SSB.",
        "Each year of age as a share of the whole population, compared with Norway. Real figures from Statistics Norway.",
    ],
    AgeSummary => [
        "{0} har {1} barn og unge 0–24 år, {2} av befolkningen. I landet er andelen {3}.",
        "{0} har {1} born og unge 0–24 år, {2} av folkesetnaden. I landet er delen {3}.",
        "{0} has {1} children and young people aged 0–24, {2} of the population. In Norway the share is {3}.",
    ],
    Age => ["Alder", "Alder", "Age"],
    AgeYears => ["{0} år", "{0} år", "{0} years"],
    Count => ["Antall", "Tal", "Number"],
    ShareIn => ["Andel i {0}", "Del i {0}", "Share in {0}"],
    NoAgeProfile => ["Det finnes ingen aldersfordeling for dette området.", "Det finst inga aldersfordeling for dette området.", "There is no age distribution for this area."],
    DownloadCsvExcel => ["Last ned tallene (CSV for Excel)", "Last ned tala (CSV for Excel)", "Download the figures (CSV for Excel)"],
    GroupInLandet => ["{0}, hele landet", "{0}, heile landet", "{0}, all of Norway"],
    DownloadJsonStat => ["Last ned tallene (JSON-stat)", "Last ned tala (JSON-stat)", "Download the figures (JSON-stat)"],
    DownloadCsvPlain => ["Last ned tallene (CSV med komma)", "Last ned tala (CSV med komma)", "Download the figures (comma-separated CSV)"],
    UnitPercent => ["prosent", "prosent", "per cent"],
    UnitPer1000 => ["per 1 000", "per 1 000", "per 1,000"],
    UnitCount => ["antall", "tal", "number"],
    UnitIndex => ["indeks (landet = 100)", "indeks (landet = 100)", "index (Norway = 100)"],
    UnitChange => ["endring i prosent", "endring i prosent", "change in per cent"],
    ProvenanceModelled => ["Modellert (demodata)", "Modellert (demodata)", "Modelled (demo data)"],
    ProvenanceReal => ["Ekte tall", "Ekte tal", "Real figures"],
    ProvenanceFetched => [
        "Ekte tall: {0}, tabell {1}, hentet {2}",
        "Ekte tal: {0}, tabell {1}, henta {2}",
        "Real figures: {0}, table {1}, fetched {2}",
    ],
    ProvenanceTitle => ["Opphav", "Opphav", "Provenance"],
    ApportionedNote => [
        "Tallene for {0} til og med {1} er anslått: {0} og {2} var én kommune, og SSBs tall for den kommunen er fordelt mellom dem etter andelene i {3}.",
        "Tala for {0} til og med {1} er anslåtte: {0} og {2} var éin kommune, og tala til SSB for den kommunen er fordelte mellom dei etter delane i {3}.",
        "The figures for {0} up to {1} are estimates: {0} and {2} were one municipality, and SSB's figures for it are divided between them by their shares in {3}.",
    ],
    AboutIndicatorsTitle => ["Indikatorene og kildene deres", "Indikatorane og kjeldene deira", "The indicators and their sources"],
    AboutIndicatorsIntro => [
        "Hver indikator med kilden og opphavet til tallene: ekte tall hentet fra produsenten, eller modellerte demodata.",
        "Kvar indikator med kjelda og opphavet til tala: ekte tal henta frå produsenten, eller modellerte demodata.",
        "Each indicator with its source and where its figures come from: real figures fetched from the producer, or modelled demo data.",
    ],
    IndicatorHead => ["Indikator", "Indikator", "Indicator"],
    EmbedNameFigure => ["Figur", "Figur", "Figure"],
    EmbedNameBarometer => ["Barometer", "Barometer", "Barometer"],
    EmbedNameCard => ["Kort", "Kort", "Card"],
    EmbedKindLegend => ["Hva vil du bygge inn?", "Kva vil du byggje inn?", "What do you want to embed?"],
    EmbedKindPage => ["Hele siden", "Heile sida", "The whole page"],
    EmbedKindFigure => ["Bare figuren", "Berre figuren", "The figure alone"],
    EmbedKindBarometer => ["Barometeret med forklaring", "Barometeret med forklaring", "The barometer with its legend"],
    EmbedKindCard => ["Et kort: barna, nøkkelsetningene og en lenke til profilen", "Eit kort: borna, nøkkelsetningane og ei lenkje til profilen", "A card: the children, the key sentences and a link to the profile"],
    EmbedPreview => ["Slik blir det seende ut", "Slik blir det sjåande ut", "How it will look"],
    SeeWholeView => ["Se hele visningen (åpner i ny fane)", "Sjå heile visinga (opnar i ny fane)", "See the whole view (opens in a new tab)"],
    SeeWholeProfile => ["Se hele profilen (åpner i ny fane)", "Sjå heile profilen (opnar i ny fane)", "See the whole profile (opens in a new tab)"],
    ChildrenInYear => ["{0} barn 0–17 år ({1})", "{0} born 0–17 år ({1})", "{0} children aged 0–17 ({1})"],
    ShareHeading => ["Del denne siden", "Del denne sida", "Share this page"],
    CopyLink => ["Kopier lenken", "Kopier lenka", "Copy the link"],
    LinkCopied => ["Lenken er kopiert.", "Lenka er kopiert.", "The link is copied."],
    EmbedOpen => ["Bygg inn", "Bygg inn", "Embed"],
    EmbedTitle => ["Bygg inn på egne nettsider", "Bygg inn på eigne nettsider", "Embed on your own website"],
    EmbedHelp => [
        "Lim inn koden der siden skal vises. Rammen får samme høyde som innholdet, og den viser det du ser nå: området, visningen, indikatoren og språket.",
        "Lim inn koden der sida skal visast. Ramma får same høgd som innhaldet, og ho viser det du ser no: området, visinga, indikatoren og språket.",
        "Paste the code where the page should show. The frame takes the height of its content, and shows what you see now: the area, the view, the indicator and the language.",
    ],
    EmbedHost => [
        "Lim koden inn der nettstedets redigeringsverktøy tar imot HTML. Vises ikke profilen, må den som drifter profilen gi nettstedet ditt lov til å vise den i en ramme.",
        "Lim koden inn der redigeringsverktøyet på nettstaden tek imot HTML. Viser ikkje profilen seg, må den som driftar profilen gi nettstaden din lov til å vise han i ei ramme.",
        "Paste the code where your site's editor accepts HTML. If the profile does not show, whoever hosts it must allow your site to show it in a frame.",
    ],
    EmbedCode => ["Kode til å lime inn", "Kode til å lime inn", "Code to paste"],
    EmbedCopy => ["Kopier koden", "Kopier koden", "Copy the code"],
    EmbedCopied => ["Koden er kopiert.", "Koden er kopiert.", "The code is copied."],
    CopyFailed => [
        "Kunne ikke kopiere. Teksten er merket: kopier den selv med Ctrl+C (⌘C).",
        "Kunne ikkje kopiere. Teksten er merkt: kopier han sjølv med Ctrl+C (⌘C).",
        "Could not copy. The text is selected: copy it yourself with Ctrl+C (⌘C).",
    ],
    Close => ["Lukk", "Lukk", "Close"],
    ThemeFiguresCaption => [
        "{0}: indikatorene etter innvandringsbakgrunn",
        "{0}: indikatorane etter innvandringsbakgrunn",
        "{0}: the indicators by immigrant background",
    ],
    BetweenShortBetter => ["bedre", "betre", "better"],
    BetweenShortWorse => ["dårligere", "dårlegare", "worse"],
    BetweenShortHigher => ["høyere", "høgare", "higher"],
    BetweenShortLower => ["lavere", "lågare", "lower"],
    BetweenShortSimilar => ["ingen sikker forskjell", "ingen sikker skilnad", "no clear difference"],
    BetweenShortNoData => ["kan ikke sammenlignes", "kan ikkje samanliknast", "cannot be compared"],
    BetweenGroupsShort => ["{0} mot {1}", "{0} mot {1}", "{0} against {1}"],
    BetweenGroups => ["Forskjellen mellom gruppene", "Skilnaden mellom gruppene", "The difference between the groups"],
    ListAnd => ["{0} og {1}", "{0} og {1}", "{0} and {1}"],
    ThemeDirectionLandet => ["hele landet", "heile landet", "Norway"],
    PopulationSource => [
        "Statistisk sentralbyrå (SSB), tabell 07459 og 10826",
        "Statistisk sentralbyrå (SSB), tabell 07459 og 10826",
        "Statistics Norway (SSB), tables 07459 and 10826",
    ],
    SavePng => ["Lagre figuren som PNG", "Lagre figuren som PNG", "Save the chart as PNG"],
    SaveSvg => ["Lagre figuren som SVG", "Lagre figuren som SVG", "Save the chart as SVG"],
    ImageSource => ["Kilde: {0}", "Kjelde: {0}", "Source: {0}"],
    ImageDemodata => [
        "DEMODATA: modellerte tall, ikke offisiell statistikk",
        "DEMODATA: modellerte tal, ikkje offisiell statistikk",
        "DEMO DATA: modelled figures, not official statistics",
    ],
    OfflineNotice => [
        "Du er frakoblet. Du ser tall som er lagret fra et tidligere besøk.",
        "Du er fråkopla. Du ser tal som er lagra frå eit tidlegare besøk.",
        "You are offline. You are seeing figures saved from an earlier visit.",
    ],
    OfflineKeep => ["Ta vare på for bruk uten nett", "Ta vare på for bruk utan nett", "Keep for offline use"],
    OfflineKept => [
        "Profilene du har sett, er lagret på denne enheten og kan åpnes uten nett.",
        "Profilane du har sett, er lagra på denne eininga og kan opnast utan nett.",
        "The profiles you have seen are saved on this device and open without a network.",
    ],
    OfflineKeptMayClear => [
        "Profilene du har sett, kan åpnes uten nett, men nettleseren kan slette dem når den trenger plass.",
        "Profilane du har sett, kan opnast utan nett, men nettlesaren kan slette dei når han treng plass.",
        "The profiles you have seen open without a network, but the browser may delete them when it needs space.",
    ],
    OfflineUnsupported => [
        "Denne nettleseren kan ikke lagre profiler for bruk uten nett.",
        "Denne nettlesaren kan ikkje lagre profilar for bruk utan nett.",
        "This browser cannot save profiles for offline use.",
    ],
    UpdateReady => ["En ny versjon av profilen er klar.", "Ein ny versjon av profilen er klar.", "A new version of the profile is ready."],
    UpdateReload => ["Last inn på nytt", "Last inn på nytt", "Reload"],
    NewVersionTitle => ["En ny versjon er ute", "Ein ny versjon er ute", "A new version is out"],
    NewVersionBody => [
        "Tallene er oppdatert siden du åpnet siden. Last inn på nytt for å se dem.",
        "Tala er oppdaterte sidan du opna sida. Last inn på nytt for å sjå dei.",
        "The figures were updated after you opened this page. Reload to see them.",
    ],
    PrintLink => ["Skriv ut eller lagre som PDF", "Skriv ut eller lagre som PDF", "Print or save as PDF"],
    Footer => [
        "Laget etter modell av FHIs oppvekstprofiler. Kildekode og data er åpne.",
        "Laga etter modell av oppvekstprofilane til FHI. Kjeldekode og data er opne.",
        "Modelled on FHI's growing-up profiles. Source code and data are open.",
    ],
}

/// A message with its `{0}`, `{1}` … filled in.
pub fn tf(lang: Lang, msg: Msg, args: &[&str]) -> String {
    let mut s = t(lang, msg).to_string();
    for (i, a) in args.iter().enumerate() {
        s = s.replace(&format!("{{{i}}}"), a);
    }
    s
}

/// The current language, from the URL (`/nn/…`, or `?lang=nn`), provided by the app shell.
pub fn use_lang() -> Memo<Lang> {
    expect_context::<Memo<Lang>>()
}

/// Adds the language to an internal link, so that a link never drops the reader's language.
pub fn href(path: &str, lang: Lang) -> String {
    let (path, search) = path.split_once('?').unwrap_or((path, ""));
    crate::embed::within(oppvekst_core::route::with_lang(path, search, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_all_three_languages() {
        for &m in Msg::ALL {
            for l in Lang::ALL {
                assert!(!t(l, m).trim().is_empty(), "{m:?} in {l:?}");
            }
            // A placeholder in one language must be in all three.
            for i in 0..4 {
                let ph = format!("{{{i}}}");
                let has: Vec<bool> = Lang::ALL.iter().map(|&l| t(l, m).contains(&ph)).collect();
                assert!(has.iter().all(|&h| h == has[0]), "{m:?} placeholder {i}");
            }
        }
    }

    #[test]
    fn nynorsk_is_not_a_copy_of_bokmal_everywhere() {
        let differ = Msg::ALL
            .iter()
            .filter(|&&m| t(Lang::Nb, m) != t(Lang::Nn, m))
            .count();
        assert!(
            differ * 2 > Msg::ALL.len(),
            "only {differ} of {} differ",
            Msg::ALL.len()
        );
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(tf(Lang::En, Msg::InFylke, &["Vestland"]), "in Vestland");
        assert_eq!(href("/kommune/0301", Lang::Nb), "/kommune/0301");
        assert_eq!(href("/kommune/0301", Lang::Nn), "/nn/kommune/0301");
        assert_eq!(href("/om?x=1", Lang::En), "/en/om?x=1");
    }
}
