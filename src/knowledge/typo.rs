//! Known people under a misspelt name: "Heiko Mass" for Heiko Maas, "Melvut Cavusoglu" for
//! Mevlüt Çavuşoğlu, "Pham Binhminh" for Pham Binh Minh. Copy is typed in a hurry and names
//! from other scripts are spelt by ear; a name one slip away from exactly one known name, and
//! long enough that a slip cannot make another real name, is that person.
//!
//! The lookup is a deletion index (the idea of SymSpell): every name, squashed to its letters,
//! is filed under the hash of each form with one letter deleted. Two spellings one
//! substitution, insertion, deletion or swap apart share such a form, so a name's own
//! deletions find every candidate in a few probes; each is then checked letter by letter.

use super::PersonId;
use super::index::fold_letter;
use rustc_hash::FxHasher;
use std::hash::Hasher;

/// The shortest squashed name (letters only) a slip is forgiven in: shorter names sit too
/// close to one another ("Wang Yi", "Wang Yu").
const MIN_LETTERS: usize = 9;

/// Squashed names of known people, filed under the hashes of their one-letter deletions.
#[derive(Debug, Default)]
pub(super) struct TypoIndex {
    /// Each name or variant, squashed, with its person.
    forms: Vec<(Box<[u8]>, PersonId)>,
    /// `(hash of the form or one of its deletions, index into forms)`, sorted.
    keys: Vec<(u64, u32)>,
}

/// The letters of a name, folded to lower-case ASCII; `None` when a word of it is an initial
/// ("George W. Bush"): the initial is what tells such people apart, and a slip there is no slip.
fn squash(name: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(name.len());
    for word in name.split(|c: char| c.is_whitespace() || c == '-') {
        let before = out.len();
        out.extend(word.chars().filter_map(fold_letter).map(|c| c as u8));
        if out.len() - before == 1 {
            return None;
        }
    }
    Some(out)
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// The hashes of `s` and of each form of it with one letter deleted. (A hasher's result
/// depends on how its input is split into writes: each form is hashed whole.)
fn keys_of(s: &[u8]) -> impl Iterator<Item = u64> + '_ {
    let mut buf = Vec::with_capacity(s.len());
    std::iter::once(hash(s)).chain((0..s.len()).map(move |i| {
        buf.clear();
        buf.extend_from_slice(&s[..i]);
        buf.extend_from_slice(&s[i + 1..]);
        hash(&buf)
    }))
}

/// Whether `a` and `b` are at most one substitution, insertion, deletion or swap of two
/// neighbouring letters apart.
fn one_slip(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let rest = |n: usize| short[head + n..] == long[head + n..];
            head == short.len()
                || rest(1)
                || (head + 1 < short.len()
                    && short[head] == long[head + 1]
                    && short[head + 1] == long[head]
                    && rest(2))
        }
        1 => short[head..] == long[head + 1..],
        _ => false,
    }
}

impl TypoIndex {
    /// Files every name and variant of `people` (`(name, person)` pairs, each person's
    /// together).
    pub(super) fn build<'a>(names: impl Iterator<Item = (&'a str, PersonId)>) -> TypoIndex {
        let mut index = TypoIndex::default();
        // Where the current person's forms begin: a person's names come together, and two
        // that squash alike ("Kassym-Jomart", "Kassym Jomart") are filed once.
        let mut own = 0;
        for (name, person) in names {
            let Some(form) = squash(name).filter(|f| f.len() >= MIN_LETTERS) else {
                continue;
            };
            if index.forms.last().is_some_and(|(_, p)| *p != person) {
                own = index.forms.len();
            }
            if index.forms[own..].iter().any(|(f, _)| **f == *form) {
                continue;
            }
            let at = u32::try_from(index.forms.len()).expect("fewer than 4 billion names");
            index.keys.extend(keys_of(&form).map(|k| (k, at)));
            index.forms.push((form.into_boxed_slice(), person));
        }
        index.keys.sort_unstable();
        index.keys.dedup();
        index
    }

    /// The one known person whose name `name` misspells by a single slip (or by its spaces
    /// alone); `None` when none or several are that close.
    pub(super) fn person(&self, name: &str) -> Option<PersonId> {
        let form = squash(name).filter(|f| f.len() >= MIN_LETTERS)?;
        let mut found = None;
        for key in keys_of(&form) {
            let from = self.keys.partition_point(|&(k, _)| k < key);
            for &(_, at) in self.keys[from..].iter().take_while(|&&(k, _)| k == key) {
                let (known, person) = &self.forms[at as usize];
                // Distinct first letters are distinct names, whatever the rest.
                if known[0] != form[0] || !one_slip(known, &form) {
                    continue;
                }
                match found {
                    None => found = Some(*person),
                    Some(p) if p == *person => {}
                    Some(_) => return None,
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> TypoIndex {
        TypoIndex::build(
            [
                ("Heiko Maas", 0),
                ("Mevlüt Çavuşoğlu", 1),
                ("Pham Binh Minh", 2),
                ("George W. Bush", 3),
                ("Wang Yi", 4),
                ("Harald Sorensen", 5),
                ("Harald Sorenson", 6),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn one_slip_in_a_long_name_finds_the_person() {
        let i = index();
        assert_eq!(i.person("Heiko Mass"), Some(0), "a substitution");
        assert_eq!(i.person("Pham Bin Minh"), Some(2), "a deletion");
        assert_eq!(
            i.person("Melvut Cavusoglu"),
            Some(1),
            "a swap, accents aside"
        );
        assert_eq!(i.person("Pham Binhminh"), Some(2), "spaces alone");
        assert_eq!(i.person("Pham Binh Minhh"), Some(2), "an insertion");
    }

    #[test]
    fn two_slips_a_short_name_an_initial_or_two_close_people_find_none() {
        let i = index();
        assert_eq!(i.person("Heiko Muss"), None, "two slips");
        assert_eq!(i.person("Wang Yu"), None, "too short to forgive");
        assert_eq!(
            i.person("George H. Bush"),
            None,
            "an initial tells people apart"
        );
        assert_eq!(
            i.person("Harald Sorensan"),
            None,
            "one slip from two people"
        );
        assert_eq!(i.person("Beiko Maas"), None, "another first letter");
    }

    #[test]
    fn one_slip_is_exactly_one() {
        for (a, b, want) in [
            ("abcdef", "abcdef", true),
            ("abcdef", "abxdef", true),
            ("abcdef", "abdcef", true),
            ("abcdef", "abcde", true),
            ("abcdef", "xabcdef", true),
            ("abcdef", "abdcfe", false),
            ("abcdef", "abcd", false),
            ("abcdef", "axcdey", false),
        ] {
            assert_eq!(one_slip(a.as_bytes(), b.as_bytes()), want, "{a} {b}");
        }
    }
}
