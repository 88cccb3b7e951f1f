//! The four aspects (K, R, T, S) and a map holding one value per aspect.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Aspect {
    K,
    R,
    T,
    S,
}

impl Aspect {
    pub const ALL: [Aspect; 4] = [Aspect::K, Aspect::R, Aspect::T, Aspect::S];

    pub fn code(self) -> &'static str {
        match self {
            Aspect::K => "K",
            Aspect::R => "R",
            Aspect::T => "T",
            Aspect::S => "S",
        }
    }
}

/// One value per aspect, serialised as `{"K": .., "R": .., "T": .., "S": ..}`. Any other key
/// (`k`, `Q`) is refused rather than dropped, so a misspelt aspect never loses a level.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PerAspect<T> {
    #[serde(rename = "K", default)]
    #[ts(rename = "K")]
    pub k: T,
    #[serde(rename = "R", default)]
    #[ts(rename = "R")]
    pub r: T,
    #[serde(rename = "T", default)]
    #[ts(rename = "T")]
    pub t: T,
    #[serde(rename = "S", default)]
    #[ts(rename = "S")]
    pub s: T,
}

impl<T> PerAspect<T> {
    pub fn from_fn(mut f: impl FnMut(Aspect) -> T) -> Self {
        PerAspect { k: f(Aspect::K), r: f(Aspect::R), t: f(Aspect::T), s: f(Aspect::S) }
    }

    pub fn get(&self, a: Aspect) -> &T {
        match a {
            Aspect::K => &self.k,
            Aspect::R => &self.r,
            Aspect::T => &self.t,
            Aspect::S => &self.s,
        }
    }

    pub fn get_mut(&mut self, a: Aspect) -> &mut T {
        match a {
            Aspect::K => &mut self.k,
            Aspect::R => &mut self.r,
            Aspect::T => &mut self.t,
            Aspect::S => &mut self.s,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = (Aspect, &T)> {
        Aspect::ALL.into_iter().map(move |a| (a, self.get(a)))
    }
}

/// Levels per aspect; `None` means not yet assessed.
pub type Levels = PerAspect<Option<u8>>;

/// Formats levels as a profile string such as `K2 R3 T2 S–`.
pub fn profile_string(levels: &Levels) -> String {
    levels
        .iter()
        .map(|(a, l)| match l {
            Some(l) => format!("{}{}", a.code(), l),
            None => format!("{}–", a.code()),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_with_aspect_codes() {
        let l: Levels = PerAspect { k: Some(2), r: Some(3), t: None, s: Some(0) };
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(json, r#"{"K":2,"R":3,"T":null,"S":0}"#);
        assert_eq!(profile_string(&l), "K2 R3 T– S0");
    }

    #[test]
    fn unknown_or_lower_case_aspects_are_refused_by_name() {
        for bad in [r#"{"k":3}"#, r#"{"K":1,"Q":1}"#] {
            let e = serde_json::from_str::<Levels>(bad).unwrap_err().to_string();
            assert!(e.contains("unknown field") && (e.contains("`k`") || e.contains("`Q`")), "{e}");
        }
    }
}
