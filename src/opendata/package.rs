//! `data/datapackage.json`: a Frictionless Data Package describing every file under
//! `/data/`, with the licence and publisher from site.yaml `open_data`.

use super::Export;
use serde_json::{json, Value};

pub const FILE: &str = "data/datapackage.json";

/// Where HSDS publishes the compiled schema a file follows (as the HSDS OpenAPI names it).
const HSDS_SCHEMA: &str =
    "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/";

/// The package for `paths` (relative to the output root, all under `data/`).
pub fn datapackage(x: &Export, paths: &[String]) -> Value {
    let c = x.config();
    let od = &c.open_data;
    let resources: Vec<Value> = paths.iter().map(|p| resource(p)).collect();
    let mut pkg = json!({
        "profile": "data-package",
        "name": crate::slug::slugify(&c.title),
        "title": c.title,
        "description": c.description,
        "homepage": format!("{}/", c.base_url),
        "language": c.language,
        "contributors": [{
            "title": od.publisher.as_deref().unwrap_or(&c.municipality.name),
            "role": "publisher",
        }],
        "resources": resources,
    });
    if let Some(w) = &c.municipality.website {
        pkg["contributors"][0]["path"] = json!(w);
    }
    if let Some(l) = &od.license {
        let mut lic = json!({"name": l});
        if let Some(u) = &od.license_url {
            lic["path"] = json!(u);
        }
        pkg["licenses"] = json!([lic]);
    }
    pkg
}

fn resource(path: &str) -> Value {
    let rel = path.trim_start_matches("data/");
    let name: String = rel
        .trim_end_matches(".json")
        .trim_end_matches(".csv")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let csv = rel.ends_with(".csv");
    let mut r = json!({
        "name": name,
        "path": rel,
        "format": if csv { "csv" } else { "json" },
        "mediatype": if csv { "text/csv" } else { "application/json" },
        "encoding": if csv { "utf-8-sig" } else { "utf-8" },
    });
    let schema = if rel.starts_with("hsds/services/") {
        Some("service.json")
    } else if rel == "hsds/services.json" {
        Some("service_list.json")
    } else if rel == "hsds/organizations.json" {
        Some("organization_list.json")
    } else {
        None
    };
    if let Some(s) = schema {
        r["schema"] = json!(format!("{HSDS_SCHEMA}{s}"));
    }
    r
}
