//! Order keys: where a card sits among the others, as a string that sorts.
//!
//! In the live document a card's place is its fields (stage, lane, order key), never its
//! position in a list: moving a card changes its key, so an edit made at the same moment
//! to the moved card still lands on it. Keys are base-26 fractions written with `a`–`z`
//! (`a` is 0); a key never ends in `a`, so there is always room between two keys.
//! Two people inserting at the same place can pick the same key; ties sort by card id.

const BASE: u8 = 26;

fn digit(key: &[u8], index: usize) -> u8 {
    key.get(index)
        .map_or(0, |byte| byte.saturating_sub(b'a').min(BASE - 1))
}

/// A key strictly between `low` and `high` (`None` is the end). `low` must sort before
/// `high`; keys from elsewhere are taken as they sort.
pub fn between(low: &str, high: Option<&str>) -> String {
    // Nothing lies between equal keys: then the key goes just after `low`.
    let high = high.filter(|high| low < *high);
    let (low, high) = (low.as_bytes(), high.map(str::as_bytes));
    let mut key = Vec::new();
    // Once the key has gone below `high` at some digit, every later digit is free.
    let mut high_open = high.is_none();
    // Valid keys part within the longer one; the bound only guards against others.
    let longest = low.len().max(high.map_or(0, <[u8]>::len));
    for index in 0..=longest + 1 {
        let below = digit(low, index);
        let above = match high {
            Some(high) if !high_open => digit(high, index),
            _ => BASE,
        };
        if above >= below + 2 {
            key.push(b'a' + below + (above - below) / 2);
            break;
        }
        key.push(b'a' + below);
        if above > below {
            high_open = true;
        }
    }
    String::from_utf8_lossy(&key).into_owned()
}

/// `count` keys in order, evenly between `low` and `high`, by halving, so they stay short.
fn spread(low: &str, high: Option<&str>, count: usize, keys: &mut Vec<String>) {
    if count == 0 {
        return;
    }
    let middle = between(low, high);
    let before = count / 2;
    spread(low, Some(&middle), before, keys);
    keys.push(middle.clone());
    spread(&middle, high, count - before - 1, keys);
}

/// Whether `key` is one this module could have made: `a`–`z`, not ending in `a`.
pub fn is_valid(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|byte| byte.is_ascii_lowercase()) && !key.ends_with('a')
}

/// Keys for a sequence given in its new order, keeping every existing key it can (the
/// longest run already in order) and giving new keys only to what moved or is new.
/// Each element is its current key (`None` when it has none) and its id for ties.
pub fn assign(current: &[(Option<&str>, &str)]) -> Vec<String> {
    let mut kept = longest_ordered(current);
    loop {
        let mut keys: Vec<String> = Vec::with_capacity(current.len());
        let mut pending = 0;
        let mut low = String::new();
        let mut clash = None;
        for (index, (key, _)) in current.iter().enumerate() {
            if !kept[index] {
                pending += 1;
                continue;
            }
            let key = key.unwrap_or_default();
            if pending > 0 && key <= low.as_str() {
                // No room between two equal keys: this one moves too.
                clash = Some(index);
                break;
            }
            spread(&low, Some(key), pending, &mut keys);
            pending = 0;
            keys.push(key.to_owned());
            low = key.to_owned();
        }
        match clash {
            Some(index) => kept[index] = false,
            None => {
                spread(&low, None, pending, &mut keys);
                return keys;
            }
        }
    }
}

/// Marks the longest subsequence whose keys are already in order (by key, then id).
fn longest_ordered(current: &[(Option<&str>, &str)]) -> Vec<bool> {
    let keyed: Vec<(usize, (&str, &str))> = current
        .iter()
        .enumerate()
        .filter_map(|(index, (key, id))| key.filter(|k| !k.is_empty()).map(|k| (index, (k, *id))))
        .collect();
    // Patience sorting: tails[l] is the index (into `keyed`) ending the best run of l+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; keyed.len()];
    for (at, (_, value)) in keyed.iter().enumerate() {
        let length = tails.partition_point(|&tail| keyed[tail].1 < *value);
        previous[at] = length.checked_sub(1).map(|l| tails[l]);
        if length == tails.len() {
            tails.push(at);
        } else {
            tails[length] = at;
        }
    }
    let mut kept = vec![false; current.len()];
    let mut at = tails.last().copied();
    while let Some(index) = at {
        kept[keyed[index].0] = true;
        at = previous[index];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(keys: &[String]) -> bool {
        keys.windows(2).all(|pair| pair[0] < pair[1])
    }

    #[test]
    fn a_key_lies_between_its_neighbours() {
        for (low, high) in [
            ("", None),
            ("n", Some("o")),
            ("n", Some("nb")),
            ("zz", None),
        ] {
            let key = between(low, high);
            assert!(low < key.as_str(), "{low} < {key}");
            if let Some(high) = high {
                assert!(key.as_str() < high, "{key} < {high}");
            }
            assert!(!key.ends_with('a'));
        }
    }

    #[test]
    fn ten_thousand_new_keys_are_short_and_in_order() {
        let ids: Vec<String> = (0..10_000).map(|i| i.to_string()).collect();
        let current: Vec<(Option<&str>, &str)> = ids.iter().map(|id| (None, id.as_str())).collect();
        let keys = assign(&current);
        assert!(sorted(&keys));
        assert!(keys.iter().all(|key| key.len() <= 5), "{:?}", keys.last());
    }

    #[test]
    fn a_moved_element_alone_gets_a_new_key() {
        let ids = ["a", "b", "c", "d"];
        let keys = assign(&ids.map(|id| (None, id)));
        // d moves to the front.
        let moved = [
            (Some(keys[3].as_str()), "d"),
            (Some(keys[0].as_str()), "a"),
            (Some(keys[1].as_str()), "b"),
            (Some(keys[2].as_str()), "c"),
        ];
        let again = assign(&moved);
        assert!(sorted(&again));
        assert_ne!(again[0], keys[3]);
        assert_eq!(&again[1..], &keys[..3]);
    }

    #[test]
    fn equal_keys_from_two_people_are_parted() {
        let current = [(Some("n"), "x"), (None, "new"), (Some("n"), "y")];
        let keys = assign(&current);
        assert!(sorted(&keys), "{keys:?}");
        assert_eq!(keys[0], "n");
    }
}
