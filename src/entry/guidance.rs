//! `hjaelp`: advice shown on the help page of the audience it names.

use super::keys::{key, GUIDANCE};
use super::reader::EntryReader;
use super::{EntryKind, GuidanceMeta};

pub(super) fn guidance(r: &mut EntryReader) -> Option<EntryKind> {
    let audience = r.read_label(key!(GUIDANCE, "audience"))?;
    Some(EntryKind::Guidance(GuidanceMeta { audience }))
}
