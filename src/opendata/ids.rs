//! Stable identifiers for exported records. HSDS wants UUIDs; ours are name-based (RFC 9562
//! version 8, from SHA-256), so a record keeps its id from build to build and two sites
//! never share one: the name is the site's base URL, the record kind and its key.

use sha2::{Digest, Sha256};

/// The UUID of record `kind` / `key` of the site at `base_url`.
pub fn uuid(base_url: &str, kind: &str, key: &str) -> String {
    let hash = Sha256::digest(format!("{base_url}\n{kind}\n{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&hash[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_uuids_per_site() {
        let a = uuid("https://example.org", "service", "lev-uden-vold");
        assert_eq!(a, uuid("https://example.org", "service", "lev-uden-vold"));
        assert_ne!(a, uuid("https://kk.dk", "service", "lev-uden-vold"));
        assert_ne!(
            a,
            uuid("https://example.org", "organization", "lev-uden-vold")
        );
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
