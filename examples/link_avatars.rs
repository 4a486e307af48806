//! Writes the small PNG avatars of tests/fixtures/link/ (deterministic, run again to rebuild):
//! `cargo run --release --example link_avatars`. Each design is a few shapes drawn from a
//! seed; "the same avatar" is the same design at another size, with other colours or noise,
//! as a re-upload or a screenshot would give. Written unfiltered so tests/wasm reads them with
//! a plain inflate.

use std::path::Path;

/// A tiny deterministic generator (the pictures only need to differ, not to be random).
struct Seq(u64);

impl Seq {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

enum Shape {
    Disc { x: f64, y: f64, r: f64 },
    Bar { x: f64, y: f64, w: f64, h: f64 },
}

struct Design {
    background: [f64; 3],
    shapes: Vec<(Shape, [f64; 3])>,
}

fn design(seed: u64) -> Design {
    let mut s = Seq(seed);
    let mut colour = |s: &mut Seq| [s.next() * 255.0, s.next() * 255.0, s.next() * 255.0];
    let background = colour(&mut s);
    let shapes = (0..3 + (seed % 3))
        .map(|_| {
            let shape = if s.next() < 0.5 {
                Shape::Disc { x: s.next(), y: s.next(), r: 0.1 + 0.25 * s.next() }
            } else {
                Shape::Bar { x: s.next() * 0.7, y: s.next() * 0.7, w: 0.15 + 0.4 * s.next(), h: 0.1 + 0.4 * s.next() }
            };
            (shape, colour(&mut s))
        })
        .collect();
    Design { background, shapes }
}

/// X's default picture: a grey head and shoulders on a light background.
fn silhouette() -> Design {
    let grey = [170.0, 184.0, 194.0];
    Design {
        background: [230.0, 236.0, 240.0],
        shapes: vec![
            (Shape::Disc { x: 0.5, y: 0.38, r: 0.2 }, grey),
            (Shape::Disc { x: 0.5, y: 1.05, r: 0.42 }, grey),
        ],
    }
}

/// How a copy differs from the original upload.
struct Render {
    size: u32,
    brightness: f64,
    noise: f64,
    shift: f64,
}

const ORIGINAL: Render = Render { size: 128, brightness: 0.0, noise: 0.0, shift: 0.0 };

fn colour_at(d: &Design, u: f64, v: f64) -> [f64; 3] {
    let mut c = d.background;
    for (shape, colour) in &d.shapes {
        let inside = match *shape {
            Shape::Disc { x, y, r } => (u - x).powi(2) + (v - y).powi(2) < r * r,
            Shape::Bar { x, y, w, h } => u >= x && u < x + w && v >= y && v < y + h,
        };
        if inside {
            c = *colour;
        }
    }
    c
}

fn write(dir: &Path, name: &str, d: &Design, r: &Render, noise_seed: u64) {
    let mut noise = Seq(noise_seed);
    let mut rgba = Vec::with_capacity((r.size * r.size * 4) as usize);
    for y in 0..r.size {
        for x in 0..r.size {
            let (u, v) = ((x as f64 + 0.5) / r.size as f64 + r.shift, (y as f64 + 0.5) / r.size as f64 + r.shift);
            let c = colour_at(d, u, v);
            let jitter = (noise.next() - 0.5) * 2.0 * r.noise;
            rgba.extend(c.map(|k| (k + r.brightness + jitter).clamp(0.0, 255.0) as u8));
            rgba.push(255);
        }
    }
    let file = std::fs::File::create(dir.join(format!("{name}.png"))).expect("create avatar");
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), r.size, r.size);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_filter(png::Filter::NoFilter);
    let mut writer = encoder.write_header().expect("PNG header");
    writer.write_image_data(&rgba).expect("PNG data");
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/link/avatars");
    std::fs::create_dir_all(&dir).expect("avatar folder");
    let small = Render { size: 48, brightness: 6.0, noise: 10.0, shift: 0.0 };
    let screenshot = Render { size: 40, brightness: -8.0, noise: 14.0, shift: 0.01 };
    let reupload = Render { size: 96, brightness: 12.0, noise: 6.0, shift: -0.01 };
    // One design per seed; `(file, seed, render)`.
    let avatars: Vec<(&str, u64, &Render)> = vec![
        ("jd", 11, &ORIGINAL), ("jd_small", 11, &small), ("jd_new", 12, &ORIGINAL),
        ("kb", 21, &ORIGINAL), ("lm", 31, &ORIGINAL), ("lm_reupload", 31, &reupload),
        ("mt", 41, &ORIGINAL), ("mt_new", 42, &ORIGINAL), ("sm", 51, &ORIGINAL), ("sm_screenshot", 51, &screenshot),
        ("gl", 61, &ORIGINAL), ("gl_new", 62, &ORIGINAL), ("ew", 71, &ORIGINAL), ("ew_small", 71, &small),
        ("ew_new", 72, &ORIGINAL), ("nr", 81, &ORIGINAL), ("nr_new", 82, &ORIGINAL), ("club", 91, &ORIGINAL),
        ("club_small", 91, &small),
    ];
    for (i, (name, seed, render)) in avatars.iter().enumerate() {
        write(&dir, name, &design(*seed), render, 1000 + i as u64);
    }
    for k in 0..24u64 {
        write(&dir, &format!("u{k:02}"), &design(200 + k), &ORIGINAL, 2000 + k);
    }
    write(&dir, "default", &silhouette(), &Render { size: 48, ..ORIGINAL }, 1);
    // The held-out batch (heldout.jsonl), written after the weights were fixed.
    let copy = Render { size: 64, brightness: -10.0, noise: 12.0, shift: 0.02 };
    let held_out: Vec<(&str, u64, &Render)> = vec![
        ("h_ab", 301, &ORIGINAL), ("h_ab_copy", 301, &copy), ("h_sc", 302, &ORIGINAL), ("h_sc_new", 303, &ORIGINAL),
        ("h_rc", 304, &ORIGINAL), ("h_rc_small", 304, &small), ("h_ef", 306, &ORIGINAL), ("h_ef_new", 307, &ORIGINAL),
        ("h_br", 308, &ORIGINAL), ("h_br_copy", 308, &copy), ("h_band", 305, &ORIGINAL), ("h_band_small", 305, &small),
    ];
    for (i, (name, seed, render)) in held_out.iter().enumerate() {
        write(&dir, name, &design(*seed), render, 3000 + i as u64);
    }
    for k in 0..10u64 {
        write(&dir, &format!("h_u{k:02}"), &design(400 + k), &ORIGINAL, 4000 + k);
    }
    // The second held-out batch (heldout2.jsonl), written after the popular-picture fix.
    let held_out2: Vec<(&str, u64, &Render)> = vec![
        ("h2_ml", 501, &ORIGINAL), ("h2_ml_new", 502, &ORIGINAL), ("h2_ib", 503, &ORIGINAL), ("h2_ib_shot", 503, &screenshot),
        ("h2_tb", 504, &ORIGINAL), ("h2_tb_small", 504, &small), ("h2_pc", 505, &ORIGINAL), ("h2_pc_new", 506, &ORIGINAL),
        ("h2_jb", 507, &ORIGINAL), ("h2_jb_copy", 507, &copy), ("h2_jb_new", 508, &ORIGINAL), ("h2_flag", 509, &ORIGINAL),
        ("h2_flag_small", 509, &small),
    ];
    for (i, (name, seed, render)) in held_out2.iter().enumerate() {
        write(&dir, name, &design(*seed), render, 5000 + i as u64);
    }
    for k in 0..8u64 {
        write(&dir, &format!("h2_u{k:02}"), &design(600 + k), &ORIGINAL, 6000 + k);
    }
    println!("avatars written to {}", dir.display());
}
