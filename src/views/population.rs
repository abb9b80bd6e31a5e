//! The population view (`/kommune/0301/befolkning`): the age profile 0–24 by single year as
//! shares of the whole population against landet's, and the children 0–17 over 2005–2026.
//! Real figures from SSB: no demodata here.

use crate::api::{self, ProfileData};
use crate::charts::population::AgeProfileChart;
use crate::charts::Figure;
use crate::components::apportioned::apportioned_note;
use crate::components::chart::Drawing;
use crate::components::chart_figure::{save_as, ChartFigure, Table};
use crate::components::error_view::ErrorView;
use crate::i18n::{t, tf, use_lang, Msg};
use crate::state::area_name;
use crate::views::explore::{loading, ExploreHeader};
use crate::views::profile::children_chart;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use oppvekst_core::explore::population::age_view;
use oppvekst_core::route::{parse_query, View};
use oppvekst_core::{numfmt, AreaCode};

#[component]
pub fn PopulationPage(code: AreaCode) -> impl IntoView {
    let lang = use_lang();
    let data = LocalResource::new(move || {
        let (code, lang) = (code.clone(), lang.get());
        async move { api::profile(&code, lang).await }
    });
    move || match data.get() {
        None => loading(lang.get()),
        Some(Err(e)) => view! { <ErrorView error=e retry=move |_| data.refetch() /> }.into_any(),
        Some(Ok(d)) => view! { <PopulationBody data=d /> }.into_any(),
    }
}

/// The view drawn with its data: by the app, and by the prerenderer into the view's page
/// (`crate::ssr`), which the app takes over once it has drawn the same.
#[component]
pub fn PopulationBody(data: ProfileData) -> impl IntoView {
    crate::prerender::reveal_when_mounted();
    let lang = use_lang();
    let location = use_location();
    let indicator = move || parse_query(&location.search.get()).indicator;
    let data = StoredValue::new_local(data);
    move || {
        let lang = lang.get();
        data.with_value(|d| {
            let code = d.area.code.clone();
            let reg = &d.context.registry;
            let name = reg
                .get(&code)
                .map(|a| area_name(a, lang))
                .unwrap_or_default();
            let landet = t(lang, Msg::Landet).to_string();
            let ages = age_view(&d.area, d.landet_bundle()).map(|v| {
                let title = tf(lang, Msg::AgeProfileTitle, &[&name, &v.year.to_string()]);
                let young: u32 = v.ages.iter().map(|a| a.count).sum();
                let share: f64 = v.ages.iter().map(|a| a.share).sum();
                let landet_share: f64 = v.ages.iter().map(|a| a.landet_share).sum();
                let summary = tf(
                    lang,
                    Msg::AgeSummary,
                    &[
                        &name,
                        &numfmt::int(i64::from(young)),
                        &numfmt::percent(share, 1),
                        &numfmt::percent(landet_share, 1),
                    ],
                );
                let chart = Drawing::from(Figure::AgeProfile(AgeProfileChart {
                    area: name.clone(),
                    landet: landet.clone(),
                    ages: v.ages.iter().map(|a| a.age.to_string()).collect(),
                    shares: v.ages.iter().map(|a| a.share).collect(),
                    landet_shares: v.ages.iter().map(|a| a.landet_share).collect(),
                }));
                let rows = v
                    .ages
                    .iter()
                    .map(|a| {
                        vec![
                            tf(lang, Msg::AgeYears, &[&a.age.to_string()]),
                            numfmt::int(i64::from(a.count)),
                            numfmt::percent(a.share, 2),
                            numfmt::percent(a.landet_share, 2),
                        ]
                    })
                    .collect();
                let headers = vec![
                    t(lang, Msg::Age).to_string(),
                    t(lang, Msg::Count).to_string(),
                    tf(lang, Msg::ShareIn, &[&name]),
                    tf(lang, Msg::ShareIn, &[&landet]),
                ];
                let save = Some(Signal::stored(save_as(
                    lang,
                    title.clone(),
                    t(lang, Msg::PopulationSource),
                    false,
                    &["befolkning", code.as_str(), &name],
                )));
                view! {
                    <ChartFigure title summary=summary.clone() chart table=Table { headers, rows } save />
                    <p class="summary">{summary}</p>
                }
            });
            view! {
                <article class="explore population-view">
                    <ExploreHeader
                        code=code.clone()
                        view=View::Population
                        area_label=name.clone()
                        title=t(lang, Msg::PopulationTitle).to_string()
                        lead=t(lang, Msg::AgeProfileLead).to_string()
                        indicator=indicator()
                        modelled=false
                        lang
                    />
                    {apportioned_note(&d.context, &code, lang)}
                    {match ages {
                        Some(a) => a.into_any(),
                        None => view! { <p>{t(lang, Msg::NoAgeProfile)}</p> }.into_any(),
                    }}
                    {children_chart(d, lang)}
                </article>
            }
        })
    }
}
