//! `StatusCode` as a plain number, validated on the way in like `from_u16`.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::StatusCode;

impl Serialize for StatusCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

impl<'de> Deserialize<'de> for StatusCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StatusCode, D::Error> {
        deserializer.deserialize_u16(CodeVisitor)
    }
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = StatusCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a SIP status code from 100 to 699")
    }

    // Formats such as JSON hand every integer over as u64 or i64.
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<StatusCode, E> {
        let code =
            u16::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))?;
        StatusCode::from_u16(code).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<StatusCode, E> {
        let code =
            u64::try_from(value).map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))?;
        self.visit_u64(code)
    }
}
