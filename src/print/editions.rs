//! The languages a site's posters are printed in: the source language (every poster) and
//! each other language of site.yaml that has a poster translation, as that language's
//! localized copy of the site with its UI strings and the pages it has.

use super::data::Edition;
use crate::entry::Section;
use crate::loaded::LoadedSite;
use crate::model::Site;
use crate::theme::Theme;
use std::collections::HashSet;

/// Another language's copy of the site, for printing its translated posters.
pub struct OtherLanguage<'a> {
    pub code: &'a str,
    pub site: Site,
    pub theme: &'a Theme,
    pub pages: HashSet<String>,
}

/// The site's other languages that translate at least one poster, in site.yaml's order.
pub fn other_languages(loaded: &LoadedSite) -> Vec<OtherLanguage<'_>> {
    let c = &loaded.site.config;
    c.languages
        .iter()
        .skip(1)
        .filter(|code| {
            loaded
                .translations
                .keys()
                .any(|(l, section, _)| l == *code && *section == Section::Plakater)
        })
        .filter_map(|code| {
            let theme = loaded.language_themes.get(code)?;
            Some(OtherLanguage {
                code,
                site: crate::translation::localize(
                    &loaded.site,
                    code,
                    &loaded.translations,
                    &theme.strings,
                ),
                theme,
                pages: crate::translation::pages_of(&loaded.site, code, &loaded.translations),
            })
        })
        .collect()
}

/// Every edition to print: the source language first, then `others`.
pub fn all<'a>(loaded: &'a LoadedSite, others: &'a [OtherLanguage<'a>]) -> Vec<Edition<'a>> {
    let mut all = vec![Edition::source(&loaded.site, &loaded.theme.strings)];
    all.extend(others.iter().map(|o| Edition {
        source: &loaded.site,
        site: &o.site,
        strings: &o.theme.strings,
        lang: o.code,
        dir: super::data::direction(&o.theme.strings),
        pages: Some(&o.pages),
    }));
    all
}
