//! A small CPU rasteriser for epaint meshes: what a GPU does with egui's output, done with
//! edge functions on the processor, so a map can become pixels without a window or GPU.
//!
//! Like egui's own renderers it works on premultiplied colours in gamma space, multiplies
//! vertex colour by the texture sample, and blends `src + dst * (1 - src.a)`. Anti-aliasing
//! comes from epaint's feathered edges; a top-left fill rule keeps the pixels on an edge
//! shared by two triangles from being drawn twice. The image is split into bands of rows,
//! one per thread; each band draws every primitive in order, so blending order is kept.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, ImageDelta, Mesh, Primitive, TextureId};
use egui::{Color32, ColorImage, Pos2, Rect};

/// The textures a frame's meshes sample, kept up to date from egui's texture deltas.
#[derive(Default)]
pub struct Textures(HashMap<TextureId, ColorImage>);

impl Textures {
    /// Applies one frame's `textures_delta.set`.
    pub fn apply<'a>(&mut self, set: impl IntoIterator<Item = (&'a TextureId, &'a ImageDelta)>) {
        for (id, delta) in set {
            let ImageData::Color(patch) = &delta.image;
            match delta.pos {
                None => {
                    self.0.insert(*id, (**patch).clone());
                }
                Some([x0, y0]) => {
                    let Some(image) = self.0.get_mut(id) else {
                        continue;
                    };
                    let width = image.size[0];
                    for y in 0..patch.size[1] {
                        for x in 0..patch.size[0] {
                            if let Some(pixel) = image.pixels.get_mut((y0 + y) * width + x0 + x) {
                                *pixel = patch.pixels[y * patch.size[0] + x];
                            }
                        }
                    }
                }
            }
        }
    }
}

/// An RGBA image with premultiplied alpha, row by row.
pub struct Canvas {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<[u8; 4]>,
}

impl Canvas {
    /// The image with straight (not premultiplied) alpha, as PNG stores it.
    pub fn into_straight_rgba(mut self) -> Vec<u8> {
        for pixel in &mut self.pixels {
            let a = u32::from(pixel[3]);
            if a != 255 {
                for channel in &mut pixel[..3] {
                    *channel = match a {
                        0 => 0,
                        _ => ((u32::from(*channel) * 255 + a / 2) / a).min(255) as u8,
                    };
                }
            }
        }
        self.pixels.into_flattened()
    }
}

impl Canvas {
    /// A `width` x `height` pixel image filled with `background`.
    pub fn new(width: usize, height: usize, background: Color32) -> Self {
        Self {
            width,
            height,
            pixels: vec![background.to_array(); width * height],
        }
    }

    /// Draws `primitives` (positions in points) over what the image holds, in bands of
    /// rows on as many threads as there are cores (at most 8).
    pub fn draw(&mut self, primitives: &[ClippedPrimitive], textures: &Textures, ppp: f32) {
        let width = self.width;
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8);
        let band_rows = self.height.div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for (band, rows) in self.pixels.chunks_mut(band_rows * width.max(1)).enumerate() {
                scope.spawn(move || {
                    let top = band * band_rows;
                    let bottom = top + rows.len() / width.max(1);
                    let band = Band {
                        pixels: rows,
                        width,
                        top,
                        bottom,
                    };
                    band.draw(primitives, textures, ppp);
                });
            }
        });
    }
}

/// The rows `top..bottom` of the image, drawn by one thread.
struct Band<'a> {
    pixels: &'a mut [[u8; 4]],
    width: usize,
    top: usize,
    bottom: usize,
}

impl Band<'_> {
    fn draw(mut self, primitives: &[ClippedPrimitive], textures: &Textures, ppp: f32) {
        for clipped in primitives {
            let Primitive::Mesh(mesh) = &clipped.primitive else {
                continue; // paint callbacks need a GPU; maps have none
            };
            let clip = Rect::from_min_max(
                (clipped.clip_rect.min.to_vec2() * ppp).round().to_pos2(),
                (clipped.clip_rect.max.to_vec2() * ppp).round().to_pos2(),
            );
            let texture = textures.0.get(&mesh.texture_id);
            self.draw_mesh(mesh, texture, clip, ppp);
        }
    }

    fn draw_mesh(&mut self, mesh: &Mesh, texture: Option<&ColorImage>, clip: Rect, ppp: f32) {
        for triangle in mesh.indices.chunks_exact(3) {
            let vertex = |i: u32| mesh.vertices.get(i as usize);
            let (Some(a), Some(b), Some(c)) = (
                vertex(triangle[0]),
                vertex(triangle[1]),
                vertex(triangle[2]),
            ) else {
                continue;
            };
            let corners = [a, b, c].map(|v| Corner {
                pos: (v.pos.to_vec2() * ppp).to_pos2(),
                uv: [v.uv.x, v.uv.y],
                color: v.color.to_array().map(f32::from),
            });
            self.draw_triangle(corners, texture, clip);
        }
    }

    fn draw_triangle(
        &mut self,
        mut corners: [Corner; 3],
        texture: Option<&ColorImage>,
        clip: Rect,
    ) {
        let mut area = edge(corners[0].pos, corners[1].pos, corners[2].pos);
        if area == 0.0 || !area.is_finite() {
            return;
        }
        if area < 0.0 {
            corners.swap(1, 2);
            area = -area;
        }
        let [a, b, c] = [corners[0].pos, corners[1].pos, corners[2].pos];
        let min_x = a.x.min(b.x).min(c.x).max(clip.min.x).max(0.0).floor() as usize;
        let max_x =
            (a.x.max(b.x).max(c.x).min(clip.max.x).ceil().max(0.0) as usize).min(self.width);
        let min_y = (a.y.min(b.y).min(c.y).max(clip.min.y).max(0.0).floor() as usize).max(self.top);
        let max_y =
            (a.y.max(b.y).max(c.y).min(clip.max.y).ceil().max(0.0) as usize).min(self.bottom);
        if min_x >= max_x || min_y >= max_y {
            return;
        }
        // Each edge faces the corner opposite it: w0 weighs corner 0, and so on.
        let edges = [(b, c), (c, a), (a, b)];
        let top_left = edges.map(|(p, q)| {
            let d = q - p;
            (d.y == 0.0 && d.x > 0.0) || d.y < 0.0
        });
        let same_uv = corners[0].uv == corners[1].uv && corners[1].uv == corners[2].uv;
        let same_color =
            corners[0].color == corners[1].color && corners[1].color == corners[2].color;
        // A flat colour (most of a map): the texture is sampled once, not per pixel.
        let flat = (same_uv && same_color).then(|| {
            let texel = sample(texture, corners[0].uv);
            std::array::from_fn::<f32, 4, _>(|k| corners[0].color[k] * texel[k] / 255.0)
        });

        let opaque = flat
            .filter(|color| color[3] >= 255.0)
            .map(|c| c.map(|v| v.round() as u8));
        // A flat translucent colour (lane tints, shadows, the emotion area): blended in
        // integers, the colour rounded once.
        let translucent = flat.filter(|_| opaque.is_none()).map(FlatBlend::new);
        // Edge k at pixel centre x on a row is linear in x: w = slope[k] * x + offset[k].
        let slope = edges.map(|(p, q)| -(q.y - p.y));
        for y in min_y..max_y {
            let row = (y - self.top) * self.width;
            let py = y as f32 + 0.5;
            let offset = edges.map(|(p, q)| (q.x - p.x) * (py - p.y) + (q.y - p.y) * p.x);
            // The span of pixel centres inside all three edges, widened by a pixel on each
            // side; the exact test below decides the pixels at its ends.
            let (mut lo, mut hi) = (min_x as f32, max_x as f32);
            for k in 0..3 {
                if slope[k] > 0.0 {
                    lo = lo.max(-offset[k] / slope[k] - 0.5);
                } else if slope[k] < 0.0 {
                    hi = hi.min(-offset[k] / slope[k] - 0.5);
                }
            }
            if lo > hi {
                continue;
            }
            let start = (lo.floor() as usize).saturating_sub(1).max(min_x);
            let end = ((hi.ceil() as usize) + 1).min(max_x);
            // Pixels well inside the span need no test (a pixel of margin for rounding).
            let sure_start = ((lo.floor() as usize) + 2).clamp(start, end);
            let sure_end = (hi.ceil() as usize)
                .saturating_sub(1)
                .clamp(sure_start, end);
            if let Some(color) = opaque {
                self.pixels[row + sure_start..row + sure_end].fill(color);
            }
            for x in start..end {
                let sure = (sure_start..sure_end).contains(&x);
                if sure && opaque.is_some() {
                    continue; // filled above
                }
                let px = x as f32 + 0.5;
                let w: [f32; 3] = std::array::from_fn(|k| slope[k] * px + offset[k]);
                if !sure && !(0..3).all(|k| w[k] > 0.0 || (w[k] == 0.0 && top_left[k])) {
                    continue;
                }
                let pixel = &mut self.pixels[row + x];
                if let Some(color) = opaque {
                    *pixel = color;
                    continue;
                }
                if let Some(translucent) = &translucent {
                    translucent.over(pixel);
                    continue;
                }
                let src = match flat {
                    Some(color) => color,
                    None => {
                        let l = w.map(|w| w / area);
                        let mix = |k: usize| {
                            l[0] * corners[0].color[k]
                                + l[1] * corners[1].color[k]
                                + l[2] * corners[2].color[k]
                        };
                        let uv = [0, 1].map(|k| {
                            l[0] * corners[0].uv[k]
                                + l[1] * corners[1].uv[k]
                                + l[2] * corners[2].uv[k]
                        });
                        let texel = sample(texture, uv);
                        std::array::from_fn(|k| mix(k) * texel[k] / 255.0)
                    }
                };
                blend(pixel, src);
            }
        }
    }
}

#[derive(Clone, Copy)]
struct Corner {
    pos: Pos2,
    uv: [f32; 2],
    /// Premultiplied RGBA, 0..=255.
    color: [f32; 4],
}

/// Twice the signed area of (a, b, p): positive when p is on the inner side of a → b.
fn edge(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

/// Bilinear sample of a premultiplied texture at `uv` (0..1), as RGBA 0..=255.
fn sample(texture: Option<&ColorImage>, uv: [f32; 2]) -> [f32; 4] {
    let Some(texture) = texture else {
        return [255.0; 4];
    };
    let [w, h] = texture.size;
    if w == 0 || h == 0 {
        return [255.0; 4];
    }
    let x = (uv[0] * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (uv[1] * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let texel = |x: usize, y: usize| texture.pixels[y * w + x].to_array().map(f32::from);
    let (t00, t10, t01, t11) = (texel(x0, y0), texel(x1, y0), texel(x0, y1), texel(x1, y1));
    std::array::from_fn(|k| {
        let top = t00[k] + (t10[k] - t00[k]) * fx;
        let bottom = t01[k] + (t11[k] - t01[k]) * fx;
        top + (bottom - top) * fy
    })
}

/// A flat premultiplied colour to draw "over" pixels, in integers.
struct FlatBlend {
    color: [u16; 4],
    /// How much of the pixel beneath shows through, of 255.
    keep: u16,
}

impl FlatBlend {
    fn new(color: [f32; 4]) -> Self {
        let color = color.map(|v| v.round().clamp(0.0, 255.0) as u16);
        Self {
            keep: 255 - color[3],
            color,
        }
    }

    fn over(&self, dst: &mut [u8; 4]) {
        for (channel, color) in dst.iter_mut().zip(self.color) {
            let kept = (u16::from(*channel) * self.keep + 127) / 255;
            *channel = (color + kept).min(255) as u8;
        }
    }
}

/// Premultiplied "over": `dst = src + dst * (1 - src.a)`.
fn blend(dst: &mut [u8; 4], src: [f32; 4]) {
    let keep = 1.0 - src[3] / 255.0;
    for k in 0..4 {
        dst[k] = (src[k] + f32::from(dst[k]) * keep)
            .round()
            .clamp(0.0, 255.0) as u8;
    }
}
