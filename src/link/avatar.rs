//! Avatar similarity by a perceptual hash (difference hash, both directions) of the avatar's
//! pixels as shown on screen: robust to resizing, recompression and small colour changes. The
//! hash sees only light and dark, so it also keeps the picture's mean colour: the same initials
//! or silhouette on a grey and on a blue background are two pictures (avatar generators and X's
//! default picture differ only by colour), a slight tint is the same one.
//! Takes raw RGBA so the extension can hash what it already displays (never fetching it).

/// Side of the grid the image is averaged into; each direction yields (SIDE - 1)² bits.
const SIDE: usize = 9;
/// Bits in a hash: 64 from left-right gradients, 64 from top-bottom ones.
pub const BITS: u32 = 128;
/// Grey levels (× 255, the alpha scale) by which a cell must be darker to set a bit.
const MARGIN: u64 = 3 * 255;

/// Mean colours (RGB, 0..255) further apart than this (Euclidean) are other pictures. A tint or
/// a re-encoding moves the mean by a few levels, a crop by a dozen; the same initials on
/// another background moved it by 60 and more on the fixtures.
const OTHER_COLOUR: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AvatarHash {
    /// The light/dark gradients.
    pub shape: u128,
    /// Mean colour inside the circle X shows (the corners are the page's background); `None`
    /// for a hash given without it (32 hex digits), which is then compared by shape only.
    pub colour: Option<[u8; 3]>,
}

impl AvatarHash {
    /// Hashes `width × height` RGBA pixels (transparent parts count as white, as on X's
    /// light theme). Errors when the buffer does not match the size or the image is tiny.
    pub fn from_rgba(rgba: &[u8], width: u32, height: u32) -> Result<AvatarHash, String> {
        let (w, h) = (width as usize, height as usize);
        if w < SIDE || h < SIDE {
            return Err(format!("avatar of {width}×{height} pixels is too small (at least {SIDE}×{SIDE})"));
        }
        if rgba.len() != w * h * 4 {
            return Err(format!("avatar of {width}×{height} needs {} RGBA bytes, got {}", w * h * 4, rgba.len()));
        }
        // Integer sums so the native and wasm builds give the very same bits.
        let mut sums = [[0u64; SIDE]; SIDE];
        let mut counts = [[0u64; SIDE]; SIDE];
        let (mut colour_sums, mut inside) = ([0u64; 3], 0u64);
        for y in 0..h {
            let cy = y * SIDE / h;
            for x in 0..w {
                let p = &rgba[(y * w + x) * 4..][..4];
                let gray = (299 * p[0] as u64 + 587 * p[1] as u64 + 114 * p[2] as u64) / 1000;
                let alpha = p[3] as u64;
                sums[cy][x * SIDE / w] += gray * alpha + 255 * (255 - alpha);
                counts[cy][x * SIDE / w] += 1;
                // Inside the inscribed circle (pixel centres, in units of half a pixel).
                let (dx, dy) = ((2 * x + 1) as i64 - w as i64, (2 * y + 1) as i64 - h as i64);
                if (dx * dx) as f64 / (w * w) as f64 + (dy * dy) as f64 / (h * h) as f64 <= 1.0 {
                    for (sum, &c) in colour_sums.iter_mut().zip(&p[..3]) {
                        *sum += c as u64 * alpha + 255 * (255 - alpha);
                    }
                    inside += 255;
                }
            }
        }
        let colour = colour_sums.map(|s| ((s + inside / 2) / inside) as u8);
        // mean(a) + margin < mean(b) without division. The margin keeps flat areas at 0
        // instead of letting noise flip their bits.
        let darker = |(ay, ax): (usize, usize), (by, bx): (usize, usize)| {
            (sums[ay][ax] + MARGIN * counts[ay][ax]) * counts[by][bx] < sums[by][bx] * counts[ay][ax]
        };
        let mut bits = 0u128;
        for y in 0..SIDE - 1 {
            for x in 0..SIDE - 1 {
                bits = bits << 2 | (darker((y, x), (y, x + 1)) as u128) << 1 | darker((y, x), (y + 1, x)) as u128;
            }
        }
        Ok(AvatarHash { shape: bits, colour: Some(colour) })
    }

    /// Bits that differ (0 = same picture, about 64 for unrelated pictures). Pictures of
    /// clearly other colours are unrelated whatever their shapes.
    pub fn distance(self, other: AvatarHash) -> u32 {
        if self.colour.zip(other.colour).is_some_and(|(a, b)| colour_distance(a, b) > OTHER_COLOUR) {
            return BITS / 2;
        }
        (self.shape ^ other.shape).count_ones()
    }

    /// A flat picture (one colour) has almost no gradients and says nothing about its owner.
    pub fn is_informative(self) -> bool {
        let ones = self.shape.count_ones();
        ones >= 8 && ones <= BITS - 8
    }

    /// 38 hex digits: the shape (32) then the colour (6).
    pub fn to_hex(self) -> String {
        let colour = self.colour.map_or(String::new(), |[r, g, b]| format!("{r:02x}{g:02x}{b:02x}"));
        format!("{:032x}{colour}", self.shape)
    }

    /// Reads `to_hex`, or a shape alone (32 hex digits, as hashes were written before colours).
    pub fn from_hex(hex: &str) -> Result<AvatarHash, String> {
        if (hex.len() != 32 && hex.len() != 38) || !hex.is_ascii() {
            return Err(format!("avatar hash must be 38 hex digits (or 32 without colour), got {:?}", hex));
        }
        let bad = |e: std::num::ParseIntError| format!("avatar hash {hex:?}: {e}");
        let shape = u128::from_str_radix(&hex[..32], 16).map_err(bad)?;
        let colour = if hex.len() == 38 {
            let rgb = u32::from_str_radix(&hex[32..], 16).map_err(bad)?;
            Some([(rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8])
        } else {
            None
        };
        Ok(AvatarHash { shape, colour })
    }
}

/// Euclidean distance of two RGB colours, rounded down.
fn colour_distance(a: [u8; 3], b: [u8; 3]) -> u32 {
    let squares: u32 = a.iter().zip(&b).map(|(&x, &y)| (x as i32 - y as i32).pow(2) as u32).sum();
    (squares as f64).sqrt() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test picture: a disc of `fg` on a `bg` background with a bar, `size` pixels wide.
    fn picture(size: u32, cx: f64, cy: f64, fg: [u8; 3], bg: [u8; 3], noise: u8) -> Vec<u8> {
        let mut out = Vec::new();
        let mut seed = 12345u32;
        for y in 0..size {
            for x in 0..size {
                let (u, v) = (x as f64 / size as f64, y as f64 / size as f64);
                let inside = (u - cx).powi(2) + (v - cy).powi(2) < 0.08 || (v > 0.8 && u < 0.5);
                let c = if inside { fg } else { bg };
                seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                let jitter = if noise == 0 { 0 } else { (seed >> 16) as u8 % noise };
                out.extend(c.map(|k| k.saturating_add(jitter)));
                out.push(255);
            }
        }
        out
    }

    fn hash(size: u32, cx: f64, cy: f64, fg: [u8; 3], bg: [u8; 3], noise: u8) -> AvatarHash {
        AvatarHash::from_rgba(&picture(size, cx, cy, fg, bg, noise), size, size).unwrap()
    }

    #[test]
    fn the_same_picture_resized_recoloured_and_noisy_stays_close() {
        let original = hash(400, 0.4, 0.4, [200, 30, 30], [240, 240, 240], 0);
        assert_eq!(original.distance(hash(400, 0.4, 0.4, [200, 30, 30], [240, 240, 240], 0)), 0);
        assert!(original.distance(hash(48, 0.4, 0.4, [200, 30, 30], [240, 240, 240], 0)) <= 8);
        assert!(original.distance(hash(73, 0.4, 0.4, [180, 40, 40], [230, 230, 230], 12)) <= 10);
        assert!(original.is_informative());
    }

    #[test]
    fn different_pictures_are_far() {
        let a = hash(64, 0.4, 0.4, [200, 30, 30], [240, 240, 240], 0);
        let moved = hash(64, 0.7, 0.3, [200, 30, 30], [240, 240, 240], 0);
        let inverted = hash(64, 0.4, 0.4, [240, 240, 240], [20, 20, 20], 0);
        assert!(a.distance(moved) > 20, "{}", a.distance(moved));
        assert!(a.distance(inverted) > 40, "{}", a.distance(inverted));
    }

    #[test]
    fn a_flat_picture_is_not_informative() {
        let flat = vec![90u8; 32 * 32 * 4];
        assert!(!AvatarHash::from_rgba(&flat, 32, 32).unwrap().is_informative());
    }

    #[test]
    fn transparency_counts_as_white() {
        let clear = vec![0u8; 16 * 16 * 4];
        let white = vec![255u8; 16 * 16 * 4];
        assert_eq!(AvatarHash::from_rgba(&clear, 16, 16), AvatarHash::from_rgba(&white, 16, 16));
    }

    #[test]
    fn bad_buffers_are_refused_and_hex_round_trips() {
        assert!(AvatarHash::from_rgba(&[0; 10], 9, 9).unwrap_err().contains("needs 324 RGBA bytes"));
        assert!(AvatarHash::from_rgba(&[0; 16], 2, 2).unwrap_err().contains("too small"));
        let h = hash(50, 0.5, 0.5, [0, 0, 0], [255, 255, 255], 0);
        assert_eq!(AvatarHash::from_hex(&h.to_hex()), Ok(h));
        assert!(AvatarHash::from_hex("xyz").is_err());
    }
}
