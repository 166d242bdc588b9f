//! A PNG with no project inside, to see it refused.

/// A 1×1 black PNG and nothing else: to Journeymap, a photo.
pub fn photo_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, 1, 1);
    encoder.set_color(png::ColorType::Rgba);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[0, 0, 0, 255]).unwrap();
    writer.finish().unwrap();
    bytes
}
