//! egui's bundled fonts as a vector picture needs them: which face draws a character of a
//! family (egui's own fallback order), its glyph id, and the glyph's outline.
//!
//! egui's galleys keep where each glyph goes but not which face or glyph it is; a face
//! is found again the way egui found it: the first face of the family that has the
//! character.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use egui::{FontDefinitions, FontFamily};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// One of the bundled font files.
pub struct Face {
    /// The font file.
    pub data: FontBytes,
    /// How much larger or smaller than the text's size egui draws it (its `FontTweak`).
    pub scale: f32,
    /// Which font of the file it is.
    index: u32,
    units_per_em: f32,
}

/// A font file's bytes, shared with egui.
pub type FontBytes = std::sync::Arc<dyn AsRef<[u8]> + Send + Sync>;

impl Face {
    /// The font, read from its file (which takes a look at its table directory).
    fn font(&self) -> Option<FontRef<'_>> {
        FontRef::from_index((*self.data).as_ref(), self.index).ok()
    }

    /// The glyph that draws `chr`, if the face has one.
    fn glyph(&self, chr: char) -> Option<u16> {
        self.font()?
            .charmap()
            .map(chr)
            .and_then(|id| u16::try_from(id.to_u32()).ok())
            .filter(|&id| id != 0)
    }

    /// Which font of the file it is.
    pub fn index(&self) -> u32 {
        self.index
    }

    /// Font units per em: glyph outlines and advances are in these.
    pub fn units_per_em(&self) -> f32 {
        self.units_per_em
    }

    /// How far glyph `glyph` advances at em size `size`.
    pub fn advance(&self, glyph: u16, size: f32) -> f32 {
        self.font().map_or(0.0, |font| {
            font.glyph_metrics(Size::new(size), LocationRef::default())
                .advance_width(GlyphId::new(u32::from(glyph)))
                .unwrap_or(0.0)
        })
    }

    /// The outline of `glyph` in font units, y up, as SVG path data; empty for a glyph
    /// without one (a space).
    pub fn outline(&self, glyph: u16) -> String {
        let mut pen = SvgPen::default();
        let Some(font) = self.font() else {
            return String::new();
        };
        if let Some(outline) = font.outline_glyphs().get(GlyphId::new(u32::from(glyph))) {
            let settings = DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
            // A glyph whose outline does not draw is left empty, like a space.
            if outline.draw(settings, &mut pen).is_err() {
                pen.0.clear();
            }
        }
        pen.0
    }
}

/// Writes an outline as SVG path data.
#[derive(Default)]
struct SvgPen(String);

impl OutlinePen for SvgPen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push_str(&format!("M{x} {y}"));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push_str(&format!("L{x} {y}"));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.0.push_str(&format!("Q{cx0} {cy0} {x} {y}"));
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.0
            .push_str(&format!("C{cx0} {cy0} {cx1} {cy1} {x} {y}"));
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// The bundled faces and, per family, the order egui tries them in.
pub struct Faces {
    pub faces: Vec<Face>,
    families: BTreeMap<FontFamily, Vec<usize>>,
}

/// A character as a face draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FoundGlyph {
    /// Index into [`Faces::faces`].
    pub face: usize,
    pub glyph: u16,
}

impl Faces {
    /// egui's default fonts, as every Journeymap context uses them.
    pub fn bundled() -> &'static Faces {
        static FACES: OnceLock<Faces> = OnceLock::new();
        FACES.get_or_init(|| Faces::of(&FontDefinitions::default()))
    }

    fn of(definitions: &FontDefinitions) -> Faces {
        let mut faces = Vec::new();
        let mut index = BTreeMap::new();
        for (name, data) in &definitions.font_data {
            let Ok(font) = FontRef::from_index((*data.font).as_ref(), data.index) else {
                continue;
            };
            let units_per_em = font.head().map_or(1000.0, |h| f32::from(h.units_per_em()));
            index.insert(name.clone(), faces.len());
            faces.push(Face {
                data: data.font.clone(),
                scale: data.tweak.scale,
                index: data.index,
                units_per_em,
            });
        }
        let families = definitions
            .families
            .iter()
            .map(|(family, names)| {
                let order = names.iter().filter_map(|n| index.get(n).copied()).collect();
                (family.clone(), order)
            })
            .collect();
        Faces { faces, families }
    }

    /// The face and glyph egui draws `chr` of `family` with: the first face of the family
    /// that has it, else the family's first face's missing-glyph box.
    pub fn find(&self, family: &FontFamily, chr: char) -> Option<FoundGlyph> {
        let order = self.families.get(family)?;
        order
            .iter()
            .find_map(|&face| {
                self.faces[face]
                    .glyph(chr)
                    .map(|glyph| FoundGlyph { face, glyph })
            })
            .or_else(|| order.first().map(|&face| FoundGlyph { face, glyph: 0 }))
    }
}
