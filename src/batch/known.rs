//! Known cells: for each column, the cell texts a survey tool writes most (option ids, yes/no words, small
//! whole numbers, "dk", "na", the empty cell) with their whole [`Effect`] on the row, found the same way
//! whatever the text.
//!
//! Reading such a cell by its kind takes branches that depend on the answer (which option, how many
//! digits), and at a million rows the mispredicted ones are a large part of the time. Here every known cell
//! takes the same steps: two multiplications give the two slots it may be in (a cuckoo table, so one of
//! the two holds it if anything does), both are read, and the one that matches is taken. The effects are
//! made by the reader the table stands in for ([`super::Rules::effect`]), so a cell reads the same whether
//! it is found here or not; a cell not found is read as before.

use std::collections::HashMap;

use super::Word;
use super::tally::Effect;

/// The known cells of every column. Small, as it is read at every cell: a slot is eight bytes (a key) with
/// two beside them (the effect's index), and each distinct effect is stored once.
#[derive(Debug, Clone)]
pub(super) struct KnownCells {
    /// Each slot's key (see [`key`]); open slots hold [`OPEN`].
    keys: Vec<u64>,
    /// Each slot's effect, an index into `effects`.
    effect_of: Vec<u16>,
    effects: Vec<Effect>,
    columns: Vec<Column>,
    /// Per column, where its whole numbers' effects start in `number_effects`, and how many it has.
    numbers: Vec<(u32, u32)>,
    /// The effect (an index into `effects`, [`NO_EFFECT`] for none) of each whole number from 0 on.
    number_effects: Vec<u16>,
}

/// A column's known cells: texts with their effects, and the effects of the whole numbers from 0 on
/// (up to 999), which are found by their value rather than their text.
#[derive(Debug, Default)]
pub(super) struct KnownColumn {
    pub cells: Vec<(Word, Effect)>,
    pub numbers: Vec<Option<Effect>>,
}

/// No effect: the number is read in full.
const NO_EFFECT: u16 = u16::MAX;

/// Where a column's slots are: from `offset`, `1 << (64 - shift)` of them, a key's two slots given by
/// its products with the two multipliers.
#[derive(Debug, Clone, Copy)]
struct Column {
    offset: u32,
    shift: u32,
    multipliers: [u64; 2],
}

/// A column without known cells: both slots are the same open one.
const NONE: Column = Column { offset: 0, shift: 63, multipliers: [0, 0] };

/// The key of an open slot: its length byte is one no cell has.
const OPEN: u64 = 0xFF << 56;
/// The key of a cell too long to be known: its length byte is neither a cell's nor an open slot's.
const TOO_LONG: u64 = 0xFE << 56;

/// A cell's bytes and, in the top byte, its length: distinct for every cell of up to seven bytes (even
/// ones ending in zero bytes), and [`TOO_LONG`] for longer ones.
pub(super) fn key(word: Word) -> u64 {
    if word.1 <= 7 { word.0 | u64::from(word.1) << 56 } else { TOO_LONG }
}

/// [`key`] of the cell of `length` bytes at the start of these eight (which may run past its end), without
/// a branch: cells of every length take the same steps.
pub(super) fn key_at(window: [u8; 8], length: usize) -> u64 {
    const MASKS: [u64; 8] =
        [0, 0xFF, 0xFFFF, 0xFF_FFFF, 0xFFFF_FFFF, 0xFF_FFFF_FFFF, 0xFFFF_FFFF_FFFF, 0xFF_FFFF_FFFF_FFFF];
    let word = u64::from_le_bytes(window) & MASKS[length & 7];
    if length <= 7 { word | (length as u64) << 56 } else { TOO_LONG }
}

/// Odd constants with well-mixed bits (the first is 2^64 divided by the golden ratio), taken in pairs
/// until a column's keys fit.
const MULTIPLIERS: [u64; 8] = [
    0x9E37_79B9_7F4A_7C15,
    0xC2B2_AE3D_27D4_EB4F,
    0x1656_67B1_9E37_79F9,
    0xD6E8_FEB8_6659_FD93,
    0xFF51_AFD7_ED55_8CCD,
    0xC4CE_B9FE_1A85_EC53,
    0x94D0_49BB_1331_11EB,
    0xBF58_476D_1CE4_E5B9,
];

impl Column {
    #[expect(clippy::inline_always, reason = "called for nearly every cell of a batch")]
    #[inline(always)]
    fn slots(&self, key: u64) -> [usize; 2] {
        self.multipliers.map(|m| self.offset as usize + (key.wrapping_mul(m) >> self.shift) as usize)
    }
}

impl KnownCells {
    /// A table of each column's known cells. Cells longer than seven bytes are left out, and whole numbers
    /// past 999.
    pub(super) fn new(columns: impl IntoIterator<Item = KnownColumn>) -> KnownCells {
        let mut known = KnownCells {
            // Two open slots that every column without a table of its own points to.
            keys: vec![OPEN; 2],
            effect_of: vec![0; 2],
            effects: Vec::new(),
            columns: Vec::new(),
            numbers: Vec::new(),
            number_effects: Vec::new(),
        };
        let mut indexes: HashMap<_, u16> = HashMap::new();
        let mut index_of = |effect: &Effect, effects: &mut Vec<Effect>| {
            let bits = effect.bits();
            if let Some(index) = indexes.get(&bits) {
                return Some(*index);
            }
            let index = u16::try_from(effects.len()).ok().filter(|index| *index != NO_EFFECT)?;
            effects.push(*effect);
            indexes.insert(bits, index);
            Some(index)
        };
        for KnownColumn { cells, numbers } in columns {
            let start = known.number_effects.len() as u32;
            for effect in numbers.iter().take(1000) {
                let index = effect.as_ref().and_then(|effect| index_of(effect, &mut known.effects));
                known.number_effects.push(index.unwrap_or(NO_EFFECT));
            }
            known.numbers.push((start, known.number_effects.len() as u32 - start));
            let mut keyed = Vec::with_capacity(cells.len());
            for (word, effect) in cells {
                let key = key(word);
                if key == TOO_LONG || keyed.iter().any(|(k, _)| *k == key) {
                    continue;
                }
                let Some(index) = index_of(&effect, &mut known.effects) else { continue };
                keyed.push((key, index));
            }
            let column = place(&keyed).map_or(NONE, |(bits, multipliers, table)| {
                let offset = known.keys.len();
                for entry in table {
                    let (key, index) = entry.unwrap_or((OPEN, 0));
                    known.keys.push(key);
                    known.effect_of.push(index);
                }
                Column { offset: offset as u32, shift: 64 - bits, multipliers }
            });
            known.columns.push(column);
        }
        known
    }

    /// The effect of the cell with this [`key`] in `column`, when it is known.
    #[expect(clippy::inline_always, reason = "called for nearly every cell of a batch")]
    #[inline(always)]
    pub(super) fn find(&self, column: usize, key: u64) -> Option<&Effect> {
        let [first, second] = self.columns.get(column)?.slots(key);
        let slot = if *self.keys.get(first)? == key { first } else { second };
        if *self.keys.get(slot)? != key {
            return None;
        }
        self.effects.get(usize::from(*self.effect_of.get(slot)?))
    }

    /// The effect of a whole number of one to three digits in `column`, from the eight bytes at the cell's
    /// start and its length, when it is known. The digits are read without a branch on them, as the
    /// numbers of a column vary from row to row.
    #[inline(always)]
    pub(super) fn find_number(&self, column: usize, window: [u8; 8], length: usize) -> Option<&Effect> {
        // What each digit is worth, by the number's length.
        const WORTH: [[u32; 3]; 4] = [[0, 0, 0], [1, 0, 0], [10, 1, 0], [100, 10, 1]];
        let &(start, count) = self.numbers.get(column)?;
        let digits = [window[0], window[1], window[2]].map(|byte| u32::from(byte.wrapping_sub(b'0')));
        let worth = WORTH[length & 3];
        // A digit past the end is worth 0 and may be anything. `&`, not `&&`: no branch on each digit.
        #[expect(clippy::needless_bitwise_bool, reason = "branch-free on purpose")]
        let valid = (1..=3).contains(&length)
            & (digits[0] < 10)
            & ((digits[1] < 10) | (length < 2))
            & ((digits[2] < 10) | (length < 3));
        let value = digits[0] * worth[0] + digits[1] * worth[1] + digits[2] * worth[2];
        if !valid || value >= count {
            return None;
        }
        let index = *self.number_effects.get((start + value) as usize)?;
        self.effects.get(usize::from(index))
    }
}

/// A slot of a table being filled: a key and its effect's index, or nothing yet.
type Slot = Option<(u64, u16)>;

/// A table for these keys (its size as a number of bits, its multipliers, its slots): the smallest, of
/// at least twice as many slots as keys, in which each key sits in one of its two slots. `None` when no
/// try fits them all (the column then goes without, and its cells are read by their kind).
fn place(keyed: &[(u64, u16)]) -> Option<(u32, [u64; 2], Vec<Slot>)> {
    if keyed.is_empty() {
        return None;
    }
    let least = (2 * keyed.len()).next_power_of_two().trailing_zeros();
    for bits in least..=(least + 2).min(16) {
        for pair in MULTIPLIERS.chunks_exact(2) {
            let multipliers = [pair[0], pair[1]];
            let column = Column { offset: 0, shift: 64 - bits, multipliers };
            if let Some(table) = fill(&column, 1 << bits, keyed) {
                return Some((bits, multipliers, table));
            }
        }
    }
    None
}

/// Cuckoo insertion: a key goes to its first slot, moving whatever was there to that one's other slot, and
/// so on, until everything has a place or the moves go round too long.
fn fill(column: &Column, size: usize, keyed: &[(u64, u16)]) -> Option<Vec<Slot>> {
    let mut table: Vec<Slot> = vec![None; size];
    for &entry in keyed {
        let mut moving = entry;
        let mut slot = column.slots(moving.0)[0];
        let mut placed = false;
        for _ in 0..4 * size {
            match table[slot].replace(moving) {
                None => {
                    placed = true;
                    break;
                }
                Some(evicted) => {
                    let [first, second] = column.slots(evicted.0);
                    slot = if first == slot { second } else { first };
                    moving = evicted;
                }
            }
        }
        if !placed {
            return None;
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Outcome;

    fn column(cells: Vec<(Word, Effect)>) -> KnownColumn {
        KnownColumn { cells, numbers: Vec::new() }
    }

    #[test]
    fn finds_whole_numbers_by_value() {
        let numbers: Vec<Option<Effect>> = (0..=120u32).map(|n| (n % 7 != 3).then(|| effect(f64::from(n)))).collect();
        let known = KnownCells::new([KnownColumn { cells: Vec::new(), numbers }, KnownColumn::default()]);
        let at = |text: &str| {
            let mut window = *b"7;x;1234";
            window[..text.len()].copy_from_slice(text.as_bytes());
            known.find_number(0, window, text.len()).copied()
        };
        for n in 0..=120u32 {
            let expected = (n % 7 != 3).then(|| effect(f64::from(n)));
            assert_eq!(at(&n.to_string()), expected, "{n}");
        }
        // Leading zeros read as the same number, as the full reader reads them.
        assert_eq!(at("007"), Some(effect(7.0)));
        assert_eq!(at("05"), Some(effect(5.0)));
        for text in ["", "121", "999", "1234", "-1", "1.", "1,5", " 1", "1 ", "x", "9a", "a9", "1/2", ":"] {
            assert_eq!(at(text), None, "{text:?}");
        }
        assert_eq!(known.find_number(1, *b"1;;;;;;;", 1), None, "a column without numbers");
        assert_eq!(known.find_number(2, *b"1;;;;;;;", 1), None, "a column past the last");
    }

    fn effect(score: f64) -> Effect {
        Effect::of(Outcome::Scored(score), 1.0, 0)
    }

    #[test]
    fn finds_every_known_cell_and_nothing_else() {
        let levels: Vec<(Word, Effect)> =
            (0..5u8).map(|level| (Word::of(&[b'0' + level]), effect(f64::from(level) / 4.0))).collect();
        let numbers: Vec<(Word, Effect)> =
            (0..=100u32).map(|n| (Word::of(n.to_string().as_bytes()), effect(f64::from(n) / 100.0))).collect();
        let known = KnownCells::new([column(levels.clone()), column(Vec::new()), column(numbers.clone())]);
        for (word, effect) in &levels {
            assert_eq!(known.find(0, key(*word)), Some(effect));
        }
        for (word, effect) in &numbers {
            assert_eq!(known.find(2, key(*word)), Some(effect));
        }
        for word in
            [Word::of(b"5"), Word::of(b"00"), Word::of(b""), Word::of(b"0\0"), Word::of(b"12345678"), Word(0, 9)]
        {
            assert_eq!(known.find(0, key(word)), None, "{word:?}");
        }
        assert_eq!(known.find(1, key(Word::of(b"0"))), None);
        assert_eq!(known.find(3, key(Word::of(b"0"))), None, "a column past the last");
        assert_eq!(known.find(2, key(Word::of(b"101"))), None);
    }

    #[test]
    fn leaves_out_cells_of_more_than_seven_bytes_and_stores_equal_effects_once() {
        let cells = vec![
            (Word::of(b"1234567"), effect(0.5)),
            (Word::of(b"12345678"), effect(0.5)),
            (Word::of(b"x"), effect(0.5)),
        ];
        let known = KnownCells::new([column(cells)]);
        assert_eq!(known.find(0, key(Word::of(b"1234567"))), Some(&effect(0.5)));
        assert_eq!(known.find(0, key(Word::of(b"x"))), Some(&effect(0.5)));
        assert_eq!(known.find(0, key(Word::of(b"12345678"))), None);
        assert_eq!(known.effects.len(), 1);
    }

    #[test]
    fn a_repeated_cell_keeps_its_first_effect_and_large_columns_fit() {
        let known = KnownCells::new([column(vec![(Word::of(b"a"), effect(0.0)), (Word::of(b"a"), effect(1.0))])]);
        assert_eq!(known.find(0, key(Word::of(b"a"))), Some(&effect(0.0)));
        let many: Vec<(Word, Effect)> =
            (0..2000u32).map(|n| (Word::of(n.to_string().as_bytes()), effect(f64::from(n)))).collect();
        let known = KnownCells::new([column(many.clone())]);
        for (word, effect) in &many {
            assert_eq!(known.find(0, key(*word)), Some(effect));
        }
    }
}
