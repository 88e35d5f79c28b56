//! Enums with stable string ids (signals, verdicts, rules, languages, context answers…),
//! declared once with [`id_enum!`](crate::ids::id_enum): the ids appear in events,
//! stored state, catalog keys and `data-*` hooks, so they are written exactly once, next
//! to the variant they name.

/// Declares a fieldless enum whose every variant has a stable string id, with:
/// - `ALL` (every variant, in declaration order) and `IDS` (their ids, same order);
/// - `id()` and `parse()` (exact, case-sensitive: the inverse of `id()`);
/// - `Display` as the id, and serde as the id string (unknown ids are an error).
///
/// ```
/// client_checkup::ids::id_enum! {
///     /// How it went.
///     pub enum Outcome { Good = "good", Bad = "bad" }
/// }
/// assert_eq!(Outcome::parse("bad"), Some(Outcome::Bad));
/// assert_eq!(Outcome::ALL.map(Outcome::id), Outcome::IDS);
/// ```
#[macro_export]
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];
            /// The ids of [`Self::ALL`], in the same order.
            pub const IDS: [&'static str; [$($id),+].len()] = [$($id),+];

            /// The stable id.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            /// The variant with exactly this id.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                $name::parse(&text).ok_or_else(|| {
                    <D::Error as ::serde::de::Error>::unknown_variant(&text, &$name::IDS)
                })
            }
        }
    };
}

pub use id_enum;

#[cfg(test)]
mod tests {
    id_enum! {
        /// A test enum.
        #[derive(Default)]
        enum Fruit {
            #[default]
            Apple = "apple",
            Pear = "pear",
        }
    }

    #[test]
    fn ids_round_trip() {
        for f in Fruit::ALL {
            assert_eq!(Fruit::parse(f.id()), Some(f));
            assert_eq!(f.to_string(), f.id());
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Fruit>(&json).unwrap(), f);
        }
        assert_eq!(Fruit::IDS, ["apple", "pear"]);
        assert_eq!(Fruit::parse("Apple"), None);
        assert!(serde_json::from_str::<Fruit>("\"plum\"").is_err());
        assert_eq!(Fruit::default(), Fruit::Apple);
    }
}
