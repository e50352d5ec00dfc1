//! A loaded, validated site: what load → validate → model hands to render, search and print.

/// A loaded, validated site: the input of render, search and print.
pub struct LoadedSite {
    pub site: crate::model::Site,
    pub theme: crate::theme::Theme,
    /// The municipality's logo for the posters, when site.yaml names one.
    pub logo: Option<crate::logo::Logo>,
    /// Translations of entries into the site's other languages.
    pub translations: crate::translation::Translations,
    /// The theme with each other language's UI strings, by language code.
    pub language_themes: std::collections::BTreeMap<String, crate::theme::Theme>,
}
