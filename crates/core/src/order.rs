//! One stable sort for the lists the app orders. Each `sort_by` on a new element type or with
//! a new comparator compiles the standard library's whole sort again (drift sort, quicksort
//! and their small sorts, 2–4 KB of wasm each; the profile app held six). These sort the
//! positions of the items instead, with one comparator type, so that the sort is compiled
//! once, and then move the items into that order.

use std::cmp::Ordering;

/// The positions `0..n` in the order `compare` gives them; stable, as `slice::sort_by` is.
pub fn positions(n: usize, mut compare: impl FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    sort_positions(&mut order, &mut compare);
    order
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = positions(items.len(), |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `key`, computed once for each item, as
/// `slice::sort_by_cached_key` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions(items.len(), |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// The one sort: not inlined, and with its comparator behind a pointer, so that every caller
/// shares it.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Puts `items` in `order` in place: afterwards `items[k]` is the item that was at `order[k]`.
/// Each cycle of the permutation is followed once, with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does_keeping_equal_items_in_order(
            keys in proptest::collection::vec(0u8..8, 0..200)
        ) {
            // Each item knows where it came from, so that stability shows.
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|a| a.0);
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&ours, &std_sorted);
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |x| x.0);
            prop_assert_eq!(&by_key, &std_sorted);
            let mut cached = items.clone();
            sort_by_cached_key(&mut cached, |x| x.0);
            prop_assert_eq!(&cached, &std_sorted);
            let order = positions(items.len(), |a, b| items[a].0.cmp(&items[b].0));
            prop_assert_eq!(order, std_sorted.iter().map(|x| x.1).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_cached_key_is_computed_once_for_each_item() {
        let mut items = vec![3, 1, 2, 1];
        let mut calls = 0;
        sort_by_cached_key(&mut items, |&x| {
            calls += 1;
            x
        });
        assert_eq!(items, [1, 1, 2, 3]);
        assert_eq!(calls, 4);
    }
}
