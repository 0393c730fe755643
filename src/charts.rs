//! Charts: each party's stance over time, as SVG and PNG.
//!
//! In: [`Position`]s and the [`Lexicon`] (party labels and colours, issue
//! labels and propositions). Out: [`Chart`]s, one per issue with positions
//! (`issue_<id>`: stance over time, one line per party) and one `overview`
//! (the latest position of each party on each issue, as a coloured grid).
//!
//! Text is drawn with the DejaVu Sans font embedded in the binary (see
//! `assets/fonts/`), so PNGs look the same on a machine without fonts. In
//! PNGs, text is placed glyph by glyph from the font's own metrics (plotters'
//! rasteriser drops each glyph's side bearing, which spaces letters unevenly).
//! The output is deterministic: the same positions give byte-identical files.

use crate::lexicon::{Lexicon, OTHER_PARTY, parse_hex_color};
use crate::positions::Position;
use anyhow::{Context, Result};
use jiff::ToSpan;
use jiff::civil::Date;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::{Once, OnceLock};

/// One rendered chart: a file stem (no extension), its SVG text and PNG bytes.
#[derive(Debug, Clone)]
pub struct Chart {
    pub name: String,
    pub title: String,
    pub svg: String,
    pub png: Vec<u8>,
}

// ---------------------------------------------------------------------------
// Font
// ---------------------------------------------------------------------------

/// The font family every text element uses (registered from the embedded font).
const FAMILY: &str = "sans-serif";
const FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let ok = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_REGULAR).is_ok()
            && plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD).is_ok();
        assert!(ok, "the embedded DejaVu Sans fonts are valid");
    });
}

/// The horizontal metrics of a font, from `ttf-parser`: enough to place
/// glyphs (advance, left side bearing, kerning), nothing to draw them.
struct FontMetrics {
    face: ttf_parser::Face<'static>,
    /// Ascent minus descent in font units: a font of size `s` px has `s / height` px per unit.
    height: f64,
    cap_height: f64,
    units_per_em: f64,
}

impl FontMetrics {
    fn parse(data: &'static [u8]) -> Option<FontMetrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = face.units_per_em().max(1) as f64;
        // ttf-parser applies USE_TYPO_METRICS; fonts without a cap height
        // (DejaVu's older OS/2 table) get a typical one.
        let height = (face.ascender() as f64 - face.descender() as f64).max(1.0);
        let cap_height = face
            .capital_height()
            .map_or(0.73 * units_per_em, |c| c as f64);
        Some(FontMetrics {
            face,
            height,
            cap_height,
            units_per_em,
        })
    }

    fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0))
    }

    /// Advance width and left side bearing, in font units.
    fn h_metrics(&self, g: ttf_parser::GlyphId) -> (f64, f64) {
        (
            self.face.glyph_hor_advance(g).unwrap_or(0) as f64,
            self.face.glyph_hor_side_bearing(g).unwrap_or(0) as f64,
        )
    }

    /// Kerning from the first horizontal `kern` subtable, as the rasteriser applies it.
    fn kerning(&self, left: ttf_parser::GlyphId, right: ttf_parser::GlyphId) -> f64 {
        let Some(kern) = self.face.tables().kern else {
            return 0.0;
        };
        kern.subtables
            .into_iter()
            .find(|t| t.horizontal && !t.variable)
            .and_then(|t| t.glyphs_kerning(left, right))
            .unwrap_or(0) as f64
    }

    /// Each glyph's pen position and left side bearing in px, and the total width.
    fn layout(&self, text: &str, size: f64) -> (Vec<(char, f64, f64)>, f64) {
        let scale = size / self.height;
        let mut pen = 0.0;
        let mut prev = None;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let g = self.glyph(c);
            if let Some(p) = prev {
                pen += self.kerning(p, g) * scale;
            }
            let (adv, lsb) = self.h_metrics(g);
            out.push((c, pen, lsb * scale));
            pen += adv * scale;
            prev = Some(g);
        }
        (out, pen)
    }
}

fn metrics(bold: bool) -> &'static FontMetrics {
    static FONTS: OnceLock<[FontMetrics; 2]> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let parse = |d| FontMetrics::parse(d).expect("the embedded DejaVu Sans fonts are valid");
        [parse(FONT_REGULAR), parse(FONT_BOLD)]
    });
    &fonts[bold as usize]
}

/// A text style: size in px (even, so glyphs sit on whole pixels), weight,
/// colour and anchor.
#[derive(Clone, Copy)]
struct Txt {
    size: f64,
    bold: bool,
    color: RGBColor,
    h: HPos,
    v: VPos,
}

impl Txt {
    fn new(size: f64, bold: bool, color: RGBColor) -> Txt {
        Txt {
            size,
            bold,
            color,
            h: HPos::Left,
            v: VPos::Center,
        }
    }

    fn anchor(self, h: HPos, v: VPos) -> Txt {
        Txt { h, v, ..self }
    }

    fn font(&self, h: HPos, v: VPos) -> TextStyle<'static> {
        let style = if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(FAMILY), self.size, style)
            .color(&self.color)
            .pos(Pos::new(h, v))
    }

    fn width(&self, text: &str) -> f64 {
        metrics(self.bold).layout(text, self.size).1
    }
}

/// Where plots are drawn, and how text goes onto it.
struct Canvas<'a, DB: DrawingBackend> {
    area: &'a DrawingArea<DB, Shift>,
    /// Place glyphs one by one (bitmaps); else one text element (SVG).
    per_glyph: bool,
}

impl<DB: DrawingBackend> Canvas<'_, DB>
where
    DB::ErrorType: 'static,
{
    fn text(&self, text: &str, (x, y): (i32, i32), t: Txt) -> Result<()> {
        if !self.per_glyph {
            // Plotters writes font-size = size / 1.24 into SVG, while the
            // rasteriser's em is size * unitsPerEm / (ascent - descent): scale
            // so both show the text at the same size.
            let m = metrics(t.bold);
            let em = m.units_per_em / m.height * 1.24;
            let t = Txt {
                size: t.size * em,
                ..t
            };
            self.area
                .draw(&Text::new(text.to_string(), (x, y), t.font(t.h, t.v)))?;
            return Ok(());
        }
        let m = metrics(t.bold);
        let (glyphs, width) = m.layout(text, t.size);
        let x0 = match t.h {
            HPos::Left => x as f64,
            HPos::Center => x as f64 - width / 2.0,
            HPos::Right => x as f64 - width,
        };
        let scale = t.size / m.height;
        let baseline = match t.v {
            VPos::Top => y as f64 + 0.76 * t.size / 1.24,
            VPos::Center => y as f64 + m.cap_height * scale / 2.0,
            VPos::Bottom => y as f64 - 0.2 * t.size,
        };
        // Plotters puts the baseline of a top-anchored glyph at y + size / 2,
        // and the glyph's ink (not its origin) at x.
        let top = (baseline - t.size / 2.0).round() as i32;
        let style = t.font(HPos::Left, VPos::Top);
        for (c, pen, lsb) in glyphs {
            if c.is_whitespace() {
                continue;
            }
            let gx = (x0 + pen).round() as i32 + lsb.floor() as i32;
            self.area
                .draw(&Text::new(c.to_string(), (gx, top), style.clone()))?;
        }
        Ok(())
    }

    fn line(&self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Result<()> {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))?;
        Ok(())
    }

    fn rect(&self, corners: [(i32, i32); 2], fill: RGBColor, edge: Option<RGBColor>) -> Result<()> {
        self.area.draw(&Rectangle::new(corners, fill.filled()))?;
        if let Some(edge) = edge {
            self.area
                .draw(&Rectangle::new(corners, edge.stroke_width(1)))?;
        }
        Ok(())
    }

    /// A party marker centred on `(x, y)`, with a white halo so it stands out
    /// from lines that cross it.
    fn marker(&self, (x, y): (i32, i32), shape: usize, color: RGBColor, radius: f64) -> Result<()> {
        self.shape((x, y), shape, WHITE, radius + 1.5)?;
        self.shape((x, y), shape, color, radius)
    }

    fn shape(&self, (x, y): (i32, i32), shape: usize, color: RGBColor, r: f64) -> Result<()> {
        let style = color.filled();
        let poly = |pts: &[(f64, f64)]| -> Polygon<(i32, i32)> {
            let pts: Vec<(i32, i32)> = pts
                .iter()
                .map(|(dx, dy)| (x + (dx * r).round() as i32, y + (dy * r).round() as i32))
                .collect();
            Polygon::new(pts, style)
        };
        // Shapes of about equal visual weight, in unit radii.
        let k = 0.42; // half-width of the arms of "+" and "x"
        let plus = |a: f64| {
            [
                (-k, -a),
                (k, -a),
                (k, -k),
                (a, -k),
                (a, k),
                (k, k),
                (k, a),
                (-k, a),
                (-k, k),
                (-a, k),
                (-a, -k),
                (-k, -k),
            ]
        };
        match shape % 7 {
            0 => self
                .area
                .draw(&Circle::new((x, y), r.round() as i32, style))?,
            1 => self
                .area
                .draw(&poly(&[(0.0, -1.25), (1.15, 0.8), (-1.15, 0.8)]))?,
            2 => self
                .area
                .draw(&poly(&[(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)]))?,
            3 => self
                .area
                .draw(&poly(&[(0.0, -1.3), (1.1, 0.0), (0.0, 1.3), (-1.1, 0.0)]))?,
            4 => self
                .area
                .draw(&poly(&[(0.0, 1.25), (1.15, -0.8), (-1.15, -0.8)]))?,
            5 => self.area.draw(&poly(&plus(1.1)))?,
            _ => {
                // An "x": the "+" turned by 45 degrees.
                let d = std::f64::consts::FRAC_1_SQRT_2;
                let turned: Vec<(f64, f64)> = plus(1.25)
                    .iter()
                    .map(|(a, b)| (d * (a - b), d * (a + b)))
                    .collect();
                self.area.draw(&poly(&turned))?
            }
        }
        Ok(())
    }

    /// Title (bold) and a wrapped caption at the top; returns the height used.
    fn header(&self, title: &str, caption: &str, width: i32) -> Result<i32> {
        let left = 20;
        let title_t = Txt::new(22.0, true, INK).anchor(HPos::Left, VPos::Center);
        for line in wrap(title, title_t, (width - 2 * left) as f64, 1) {
            self.text(&line, (left, 24), title_t)?;
        }
        let mut y = 54;
        if !caption.is_empty() {
            let cap_t = Txt::new(14.0, false, MUTED).anchor(HPos::Left, VPos::Center);
            for line in wrap(caption, cap_t, (width - 2 * left) as f64, 2) {
                self.text(&line, (left, y), cap_t)?;
                y += 20;
            }
        }
        Ok(y)
    }
}

/// Greedy word wrap into at most `max_lines` lines no wider than `width` px;
/// the last line ends in "…" if text was left out.
fn wrap(text: &str, t: Txt, width: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut cut = false;
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || t.width(&candidate) <= width {
            line = candidate;
        } else if lines.len() + 1 == max_lines.max(1) {
            cut = true;
            break;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if let Some(last) = lines.last_mut()
        && (cut || t.width(last) > width)
    {
        while !last.is_empty() && t.width(&format!("{last}…")) > width {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    lines
}

// ---------------------------------------------------------------------------
// Look
// ---------------------------------------------------------------------------

const INK: RGBColor = RGBColor(33, 33, 33);
const MUTED: RGBColor = RGBColor(97, 97, 97);
const GRID: RGBColor = RGBColor(229, 229, 229);
const AXIS: RGBColor = RGBColor(140, 140, 140);
const ZERO: RGBColor = RGBColor(170, 170, 170);
const EMPTY_FILL: RGBColor = RGBColor(250, 250, 250);
const EMPTY_EDGE: RGBColor = RGBColor(214, 214, 214);

/// Colours for parties whose lexicon colour is missing or invalid
/// (Okabe-Ito, readable by colour-blind viewers).
const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(213, 94, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(120, 94, 240),
    RGBColor(60, 60, 60),
];

/// Marker radius in pixels; lines are [`LINE_WIDTH`] wide.
const MARKER: f64 = 5.0;
const LINE_WIDTH: u32 = 2;

/// Stance scale: value and label, as on the y axis.
const STANCE_TICKS: [(f64, &str); 5] = [
    (-2.0, "-2 reject"),
    (-1.0, "-1 oppose"),
    (0.0, "0 neutral"),
    (1.0, "+1 open"),
    (2.0, "+2 support/demand"),
];

/// Diverging colour for a stance: brown (-2) through grey (0) to teal (+2)
/// (ColorBrewer BrBG). Not red and blue: those are party colours (Ukraine
/// blue, Russia red in the default lexicon), and a stance must never read
/// as a side.
pub fn stance_color(v: f64) -> RGBColor {
    const STOPS: [(f64, (f64, f64, f64)); 5] = [
        (-2.0, (140.0, 81.0, 10.0)),
        (-1.0, (216.0, 179.0, 101.0)),
        (0.0, (205.0, 205.0, 205.0)),
        (1.0, (90.0, 180.0, 172.0)),
        (2.0, (1.0, 102.0, 94.0)),
    ];
    let v = if v.is_finite() {
        v.clamp(-2.0, 2.0)
    } else {
        0.0
    };
    let i = STOPS
        .windows(2)
        .position(|w| v <= w[1].0)
        .unwrap_or(STOPS.len() - 2);
    let ((a, ca), (b, cb)) = (STOPS[i], STOPS[i + 1]);
    let t = (v - a) / (b - a);
    let mix = |x: f64, y: f64| (x + (y - x) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(mix(ca.0, cb.0), mix(ca.1, cb.1), mix(ca.2, cb.2))
}

/// Text colour readable on `bg`.
fn text_on(bg: RGBColor) -> RGBColor {
    let l = 0.299 * bg.0 as f64 + 0.587 * bg.1 as f64 + 0.114 * bg.2 as f64;
    if l < 150.0 { WHITE } else { INK }
}

/// "+1.5", "-2", "0": a stance with its sign and at most two decimals.
fn fmt_stance(v: f64) -> String {
    let s = format!("{v:+.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "+0" || s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

// ---------------------------------------------------------------------------
// Parties, issues and dates
// ---------------------------------------------------------------------------

/// A party as drawn: label, colour and marker shape, fixed across all charts.
struct PartyStyle {
    id: String,
    label: String,
    color: RGBColor,
    marker: usize,
}

/// Lexicon parties (without "other"), then parties found only in the positions.
fn party_styles(positions: &[Position], lex: &Lexicon) -> Vec<PartyStyle> {
    let mut ids: Vec<(String, String, Option<RGBColor>)> = lex
        .parties
        .iter()
        .filter(|p| p.id != OTHER_PARTY)
        .map(|p| {
            let label = if p.label.is_empty() { &p.id } else { &p.label };
            let color = parse_hex_color(&p.color).map(|(r, g, b)| RGBColor(r, g, b));
            (p.id.clone(), label.clone(), color)
        })
        .collect();
    let mut extra: Vec<&str> = positions
        .iter()
        .map(|p| p.party.as_str())
        .filter(|id| *id != OTHER_PARTY && lex.party_index(id).is_none())
        .collect();
    extra.sort_unstable();
    extra.dedup();
    ids.extend(
        extra
            .into_iter()
            .map(|id| (id.to_string(), id.to_string(), None)),
    );
    // Parties without a colour get the palette colour least like those taken.
    let mut taken: Vec<RGBColor> = ids.iter().filter_map(|p| p.2).collect();
    let distance = |a: RGBColor, b: RGBColor| {
        let d = |x: u8, y: u8| (x as i32 - y as i32).pow(2);
        d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
    };
    ids.into_iter()
        .enumerate()
        .map(|(i, (id, label, color))| {
            let color = color.unwrap_or_else(|| {
                let pick = PALETTE
                    .iter()
                    .copied()
                    .enumerate()
                    .max_by_key(|&(k, c)| {
                        let nearest = taken
                            .iter()
                            .map(|&t| distance(c, t))
                            .min()
                            .unwrap_or(i32::MAX);
                        (nearest, std::cmp::Reverse(k))
                    })
                    .map(|(_, c)| c)
                    .unwrap_or(PALETTE[0]);
                taken.push(pick);
                pick
            });
            PartyStyle {
                id,
                label,
                color,
                marker: i,
            }
        })
        .collect()
}

/// Issues in lexicon order, then issues found only in the positions:
/// (id, label, proposition).
fn issue_list(positions: &[Position], lex: &Lexicon) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = lex
        .issues
        .iter()
        .map(|i| {
            let label = if i.label.is_empty() { &i.id } else { &i.label };
            (i.id.clone(), label.clone(), i.proposition.clone())
        })
        .collect();
    let mut extra: Vec<&str> = positions
        .iter()
        .map(|p| p.issue.as_str())
        .filter(|id| lex.issue_index(id).is_none())
        .collect();
    extra.sort_unstable();
    extra.dedup();
    out.extend(
        extra
            .into_iter()
            .map(|id| (id.to_string(), id.to_string(), String::new())),
    );
    out
}

fn epoch() -> Date {
    jiff::civil::date(1970, 1, 1)
}

/// Days since 1970-01-01.
fn day_number(d: Date) -> i64 {
    d.duration_since(epoch()).as_secs().div_euclid(86_400)
}

fn day_date(n: i64) -> Option<Date> {
    epoch().checked_add(n.days()).ok()
}

fn day_label(n: i64) -> String {
    day_date(n).map(|d| d.to_string()).unwrap_or_default()
}

/// At most this many date labels on an axis.
const MAX_DATE_TICKS: i64 = 6;

/// Tick days for the dates `first..=last`: every n days from the first date,
/// or on the first of every n months for long ranges.
fn date_ticks(first: i64, last: i64) -> Vec<i64> {
    let span = last - first;
    for step in [1, 2, 3, 4, 5, 7, 10, 14, 21, 28] {
        if span / step < MAX_DATE_TICKS {
            return (0..=span / step).map(|k| first + k * step).collect();
        }
    }
    let (Some(a), Some(b)) = (day_date(first), day_date(last)) else {
        return vec![first];
    };
    let month_index = |d: Date| d.year() as i64 * 12 + d.month() as i64 - 1;
    for months in [1, 2, 3, 4, 6, 12, 24, 60, 120, 600] {
        let mut ticks = Vec::new();
        let mut m = month_index(a).div_euclid(months) * months;
        while m <= month_index(b) {
            if let Ok(d) = Date::new(m.div_euclid(12) as i16, (m.rem_euclid(12) + 1) as i8, 1) {
                let n = day_number(d);
                if (first..=last).contains(&n) {
                    ticks.push(n);
                }
            }
            m += months;
        }
        if ticks.len() as i64 <= MAX_DATE_TICKS {
            return ticks;
        }
    }
    vec![first, last]
}

// ---------------------------------------------------------------------------
// Rendering to SVG and PNG
// ---------------------------------------------------------------------------

/// Something that can draw itself on any plotters backend.
trait Plot {
    fn size(&self) -> (u32, u32);
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<'_, DB>) -> Result<()>
    where
        DB::ErrorType: 'static;
}

/// Give an SVG an accessible name: `role="img"`, `<title>` and `<desc>`
/// (text escaped by `html-escape`), so a screen reader and a search can read it.
fn label_svg(svg: &str, name: &str, title: &str, desc: &str) -> String {
    let Some(open) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(end) = svg[open..].find('>').map(|e| open + e) else {
        return svg.to_string();
    };
    let id = format!("chart-{name}");
    format!(
        "{} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        &svg[..end],
        html_escape::encode_text(title),
        html_escape::encode_text(desc),
        &svg[end + 1..]
    )
}

fn render<P: Plot>(name: String, title: String, desc: &str, plot: &P) -> Result<Chart> {
    register_fonts();
    let (w, h) = plot.size();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let canvas = Canvas {
            area: &root,
            per_glyph: false,
        };
        plot.draw(&canvas)
            .with_context(|| format!("drawing chart {name} (SVG)"))?;
        root.present()?;
    }
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let canvas = Canvas {
            area: &root,
            per_glyph: true,
        };
        plot.draw(&canvas)
            .with_context(|| format!("drawing chart {name} (PNG)"))?;
        root.present()?;
    }
    let mut png = Vec::new();
    {
        use image::ImageEncoder;
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&rgb, w, h, image::ColorType::Rgb8)
            .with_context(|| format!("encoding chart {name} as PNG"))?;
    }
    let svg = label_svg(&svg, &name, &title, desc);
    Ok(Chart {
        name,
        title,
        svg,
        png,
    })
}

// ---------------------------------------------------------------------------
// Issue charts
// ---------------------------------------------------------------------------

/// (day number, stance) points of one party on one issue, in date order.
type Points = Vec<(f64, f64)>;

struct IssuePlot<'a> {
    label: String,
    caption: String,
    /// The shared x axis: its range and the labelled positions.
    days: (f64, f64),
    ticks: &'a [(f64, String)],
    /// A note under the axis (breaks, nudging).
    x_note: &'a str,
    /// Where the axis is broken (a long gap left out), in axis units.
    breaks: &'a [f64],
    /// The source line at the foot of the chart.
    source: &'a str,
    /// Parties with positions on the issue: style and (day, stance) points.
    series: Vec<(&'a PartyStyle, Points)>,
    /// Width of the legend column (the same in every issue chart).
    legend_w: i32,
}

const ISSUE_SIZE: (u32, u32) = (900, 520);
const Y_RANGE: (f64, f64) = (-2.3, 2.3);

impl Plot for IssuePlot<'_> {
    fn size(&self) -> (u32, u32) {
        ISSUE_SIZE
    }

    fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<()>
    where
        DB::ErrorType: 'static,
    {
        let (w, h) = (ISSUE_SIZE.0 as i32, ISSUE_SIZE.1 as i32);
        // The header takes two caption lines even when it needs one, so
        // every issue chart has the same plot area.
        c.header(&self.label, &self.caption, w)?;
        let tick_t = Txt::new(12.0, false, INK);
        let y_label_w = STANCE_TICKS
            .iter()
            .map(|(_, l)| tick_t.width(l).ceil() as i32)
            .max()
            .unwrap_or(0);
        let (left, top) = (20 + y_label_w + 12, 104);
        let (right, bottom) = (w - self.legend_w - 16, h - 60);

        let plot_area = c
            .area
            .clone()
            .shrink((left, top), (right - left, bottom - top));
        let chart = ChartBuilder::on(&plot_area)
            .build_cartesian_2d(self.days.0..self.days.1, Y_RANGE.0..Y_RANGE.1)?;
        let at = |x: f64, y: f64| chart.backend_coord(&(x, y));

        // Grid, axes, ticks and labels.
        for (v, label) in STANCE_TICKS {
            let y = at(0.0, v).1;
            let color = if v == 0.0 { ZERO } else { GRID };
            c.line(vec![(left, y), (right, y)], color, 1)?;
            c.line(vec![(left - 4, y), (left, y)], AXIS, 1)?;
            c.text(
                label,
                (left - 8, y),
                tick_t.anchor(HPos::Right, VPos::Center),
            )?;
        }
        for (d, label) in self.ticks {
            let x = at(*d, 0.0).0;
            c.line(vec![(x, top), (x, bottom)], GRID, 1)?;
            c.line(vec![(x, bottom), (x, bottom + 4)], AXIS, 1)?;
            c.text(
                label,
                (x, bottom + 9),
                tick_t.anchor(HPos::Center, VPos::Top),
            )?;
        }
        if !self.x_note.is_empty() {
            c.text(
                self.x_note,
                (right, bottom + 26),
                Txt::new(11.0, false, MUTED).anchor(HPos::Right, VPos::Top),
            )?;
        }
        c.line(vec![(left, top), (left, bottom), (right, bottom)], AXIS, 1)?;
        // A break: the axis is cut (a white gap with two slanted strokes).
        for b in self.breaks {
            let x = at(*b, 0.0).0;
            c.rect([(x - 4, bottom - 6), (x + 4, bottom + 6)], WHITE, None)?;
            c.line(vec![(x - 7, bottom + 5), (x - 1, bottom - 5)], AXIS, 1)?;
            c.line(vec![(x + 1, bottom + 5), (x + 7, bottom - 5)], AXIS, 1)?;
        }
        if !self.source.is_empty() {
            let src_t = Txt::new(12.0, false, MUTED).anchor(HPos::Left, VPos::Center);
            for line in wrap(self.source, src_t, (w - 40) as f64, 1) {
                c.text(&line, (20, h - 12), src_t)?;
            }
        }

        // Lines, then markers on top.
        let mut chart = chart;
        for (p, points) in &self.series {
            if points.len() > 1 {
                chart.draw_series(LineSeries::new(
                    points.iter().copied(),
                    p.color.stroke_width(LINE_WIDTH),
                ))?;
            }
        }
        for (p, points) in &self.series {
            for &(x, y) in points {
                c.marker(chart.backend_coord(&(x, y)), p.marker, p.color, MARKER)?;
            }
        }

        // Legend: a line sample with the marker, then the label.
        let lx = w - self.legend_w;
        c.text(
            "Party",
            (lx, top + 4),
            Txt::new(12.0, true, MUTED).anchor(HPos::Left, VPos::Center),
        )?;
        let legend_t = Txt::new(14.0, false, INK).anchor(HPos::Left, VPos::Center);
        for (i, (p, _)) in self.series.iter().enumerate() {
            let y = top + 30 + i as i32 * 26;
            c.line(vec![(lx, y), (lx + 30, y)], p.color, LINE_WIDTH)?;
            c.marker((lx + 15, y), p.marker, p.color, MARKER)?;
            let label = wrap(&p.label, legend_t, (self.legend_w - 56) as f64, 1);
            c.text(&label.concat(), (lx + 40, y), legend_t)?;
        }
        Ok(())
    }
}

/// A gap between two consecutive dates longer than this (and much longer
/// than the typical gap) is cut out of the time axis and marked as a break.
pub const BREAK_MIN_DAYS: i64 = 30;

/// The x axis of every issue chart: time to scale, except that long gaps
/// between rounds of talks are cut out (each replaced by a fixed short
/// stretch and marked), so clustered dates stay readable. The same rule on
/// every run: no chart is "not to scale".
struct TimeAxis {
    /// Pieces of the axis: first day, last day, x of the first day.
    pieces: Vec<(i64, i64, f64)>,
    /// x of each break (the middle of the cut stretch).
    breaks: Vec<f64>,
    range: (f64, f64),
    ticks: Vec<(f64, String)>,
}

impl TimeAxis {
    fn new(dates: &[i64]) -> TimeAxis {
        if dates.is_empty() {
            return TimeAxis {
                pieces: vec![(0, 0, 0.0)],
                breaks: vec![],
                range: (-1.0, 1.0),
                ticks: vec![],
            };
        }
        let mut gaps: Vec<i64> = dates.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        // The lower median: with two gaps, the shorter one.
        let median = gaps
            .get(gaps.len().saturating_sub(1) / 2)
            .copied()
            .unwrap_or(0);
        let long = |g: i64| g > BREAK_MIN_DAYS && g > 4 * median.max(1);
        // Split the dates into pieces at long gaps.
        let mut spans: Vec<(i64, i64)> = vec![(dates[0], dates[0])];
        for w in dates.windows(2) {
            if long(w[1] - w[0]) {
                spans.push((w[1], w[1]));
            } else if let Some(last) = spans.last_mut() {
                last.1 = w[1];
            }
        }
        let covered: i64 = spans.iter().map(|(a, b)| b - a).sum();
        let break_w = (0.08 * covered as f64).max(2.0);
        let mut pieces = Vec::new();
        let mut breaks = Vec::new();
        let mut x = 0.0;
        for (k, (a, b)) in spans.iter().enumerate() {
            if k > 0 {
                breaks.push(x + break_w / 2.0);
                x += break_w;
            }
            pieces.push((*a, *b, x));
            x += (b - a) as f64;
        }
        let total = x;
        let pad = 1.0f64.max((total * 0.025).ceil());
        let range = (-pad, total + pad);
        // Candidate ticks per piece, kept only where a label fits (about 85 px
        // of a 600 px plot).
        let min_gap = (range.1 - range.0) * 85.0 / 600.0;
        let mut ticks: Vec<(f64, String)> = Vec::new();
        for &(a, b, x0) in &pieces {
            for d in date_ticks(a, b) {
                let xd = x0 + (d - a) as f64;
                if ticks.last().is_none_or(|(px, _)| xd - px >= min_gap) {
                    ticks.push((xd, day_label(d)));
                }
            }
        }
        TimeAxis {
            pieces,
            breaks,
            range,
            ticks,
        }
    }

    fn x(&self, day: i64) -> f64 {
        let (a, _, x0) = self
            .pieces
            .iter()
            .rev()
            .find(|(a, _, _)| *a <= day)
            .copied()
            .unwrap_or(self.pieces[0]);
        x0 + (day - a) as f64
    }
}

/// For each issue that has at least one position: stance over time, one line per party.
/// `positions` are sorted by party, issue, date. Parties and issues in lexicon order; skip party "other".
pub fn issue_charts(positions: &[Position], lex: &Lexicon) -> Result<Vec<Chart>> {
    issue_charts_with_source(positions, lex, "")
}

/// [`issue_charts`] with a source line at the foot of each chart.
pub fn issue_charts_with_source(
    positions: &[Position],
    lex: &Lexicon,
    source: &str,
) -> Result<Vec<Chart>> {
    let parties = party_styles(positions, lex);
    let mut dates: Vec<i64> = positions
        .iter()
        .filter(|p| p.party != OTHER_PARTY)
        .map(|p| day_number(p.date))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    let axis = TimeAxis::new(&dates);
    let x_of = |day: i64| axis.x(day);
    let days = axis.range;
    let ticks = axis.ticks.clone();
    let x_note = if axis.breaks.is_empty() {
        "time axis; parties nudged apart so none hides another".to_string()
    } else {
        format!(
            "time axis; // marks a gap of more than {BREAK_MIN_DAYS} days left out; parties nudged apart so none hides another"
        )
    };
    let x_note = x_note.as_str();
    let legend_t = Txt::new(14.0, false, INK);
    let legend_w = parties
        .iter()
        .map(|p| legend_t.width(&p.label).ceil() as i32 + 56)
        .max()
        .unwrap_or(0)
        .clamp(130, 240);

    // issue -> party index -> points.
    let mut by_issue: BTreeMap<&str, BTreeMap<usize, Points>> = BTreeMap::new();
    for p in positions {
        let Some(pi) = parties.iter().position(|s| s.id == p.party) else {
            continue; // party "other"
        };
        let stance = if p.stance.is_finite() {
            p.stance.clamp(-2.0, 2.0)
        } else {
            0.0
        };
        by_issue
            .entry(p.issue.as_str())
            .or_default()
            .entry(pi)
            .or_default()
            .push((x_of(day_number(p.date)), stance));
    }
    let mut plots = Vec::new();
    for (id, label, proposition) in issue_list(positions, lex) {
        let Some(series) = by_issue.get(id.as_str()) else {
            continue;
        };
        // Parties at the same stance on the same date would hide each other:
        // nudge each party's points sideways by a small, fixed amount.
        let m = series.len() as f64;
        let step = (days.1 - days.0) * 0.025;
        let series = series
            .iter()
            .enumerate()
            .map(|(k, (&pi, pts))| {
                let dx = (k as f64 - (m - 1.0) / 2.0) * step;
                let mut pts: Points = pts.iter().map(|&(x, y)| (x + dx, y)).collect();
                pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
                (&parties[pi], pts)
            })
            .collect();
        let caption = if proposition.is_empty() {
            String::new()
        } else {
            format!("+2 = {proposition}")
        };
        let plot = IssuePlot {
            label: label.clone(),
            caption,
            days,
            ticks: &ticks,
            x_note,
            breaks: &axis.breaks,
            source,
            series,
            legend_w,
        };
        let names: Vec<&str> = plot.series.iter().map(|(p, _)| p.label.as_str()).collect();
        let desc = format!(
            "Stance of {} on {label} over time, from -2 (reject) to +2 (support){}. {}",
            names.join(", "),
            if proposition.is_empty() {
                String::new()
            } else {
                format!(" of: {proposition}")
            },
            source
        );
        plots.push((format!("issue_{id}"), label, desc.trim().to_string(), plot));
    }
    // Each chart is drawn on its own (in the run's thread pool when there
    // is one); the order is the issues' order whatever the thread count.
    plots
        .into_par_iter()
        .map(|(name, label, desc, plot)| render(name, label, &desc, &plot))
        .collect()
}

// ---------------------------------------------------------------------------
// Overview
// ---------------------------------------------------------------------------

/// A party's latest position on an issue: date and stance.
type Latest = Option<(Date, f64)>;

struct OverviewPlot<'a> {
    source: &'a str,
    parties: &'a [PartyStyle],
    /// Issue labels, and per issue one cell per party: latest (date, stance).
    rows: Vec<(String, Vec<Latest>)>,
}

const OVERVIEW_WIDTH: i32 = 900;
const OVERVIEW_TITLE: &str = "Latest position of each party on each issue";
const OVERVIEW_CAPTION: &str = "Each cell: the party's most recent stance on the issue, and its date. \
     Brown = reject (-2), grey = neutral (0), teal = support (+2) the issue's proposition; \
     empty = no position.";
const OVERVIEW_TOP: i32 = 104;
const ROW_H: i32 = 46;
const PARTY_HEADER_H: i32 = 32;
const KEY_H: i32 = 60;
/// Height of the source line at the foot of the overview.
const SOURCE_H: i32 = 22;

impl OverviewPlot<'_> {
    const HEAD: Txt = Txt {
        size: 14.0,
        bold: true,
        color: INK,
        h: HPos::Left,
        v: VPos::Center,
    };
    const LABEL: Txt = Txt {
        size: 14.0,
        bold: false,
        color: INK,
        h: HPos::Right,
        v: VPos::Center,
    };

    /// Width of the issue label column and of each party's column.
    fn columns(&self) -> (i32, i32) {
        let label_w = self
            .rows
            .iter()
            .map(|(l, _)| Self::LABEL.width(l).ceil() as i32)
            .max()
            .unwrap_or(0)
            .min(300)
            + 16;
        let n = self.parties.len().max(1) as i32;
        let cell_w = ((OVERVIEW_WIDTH - 40 - label_w) / n).clamp(60, 150);
        (label_w, cell_w)
    }

    /// Each party's header, in one or two lines.
    fn party_heads(&self) -> Vec<Vec<String>> {
        let (_, cell_w) = self.columns();
        self.parties
            .iter()
            .map(|p| wrap(&p.label, Self::HEAD, (cell_w - 26) as f64, 2))
            .collect()
    }

    fn party_header_h(&self) -> i32 {
        let lines = self.party_heads().iter().map(Vec::len).max().unwrap_or(1) as i32;
        PARTY_HEADER_H + (lines - 1) * HEAD_LINE_H
    }
}

const HEAD_LINE_H: i32 = 18;

impl Plot for OverviewPlot<'_> {
    fn size(&self) -> (u32, u32) {
        let rows = self.rows.len().max(1) as i32;
        let h = OVERVIEW_TOP + self.party_header_h() + rows * ROW_H + KEY_H + SOURCE_H;
        (OVERVIEW_WIDTH as u32, h as u32)
    }

    fn draw<DB: DrawingBackend>(&self, c: &Canvas<'_, DB>) -> Result<()>
    where
        DB::ErrorType: 'static,
    {
        let w = OVERVIEW_WIDTH;
        let h = self.size().1 as i32;
        c.header(OVERVIEW_TITLE, OVERVIEW_CAPTION, w)?;
        let label_t = Self::LABEL;
        if self.rows.is_empty() || self.parties.is_empty() {
            c.text(
                "No positions.",
                (20, OVERVIEW_TOP + 20),
                label_t.anchor(HPos::Left, VPos::Center),
            )?;
            return Ok(());
        }

        // Columns: issue labels, then one cell per party; centred on the page.
        let (label_w, cell_w) = self.columns();
        let table_w = label_w + cell_w * self.parties.len() as i32;
        let gx = ((w - table_w) / 2).max(20) + label_w;
        let gy = OVERVIEW_TOP + self.party_header_h();

        // Party headers: the marker, then the label in one or two lines,
        // bottom-aligned above the column.
        for (j, (p, lines)) in self.parties.iter().zip(self.party_heads()).enumerate() {
            let cx = gx + j as i32 * cell_w + cell_w / 2;
            let lw = lines
                .iter()
                .map(|l| Self::HEAD.width(l).round() as i32)
                .max()
                .unwrap_or(0);
            let start = cx - (lw + 18) / 2;
            let n = lines.len() as i32;
            let y_first = gy - 14 - (n - 1) * HEAD_LINE_H;
            c.marker(
                (start + 5, y_first + (n - 1) * HEAD_LINE_H / 2),
                p.marker,
                p.color,
                4.5,
            )?;
            for (k, line) in lines.iter().enumerate() {
                let y = y_first + k as i32 * HEAD_LINE_H;
                c.text(line, (start + 18, y), Self::HEAD)?;
            }
        }

        for (i, (label, cells)) in self.rows.iter().enumerate() {
            let y = gy + i as i32 * ROW_H;
            let lines = wrap(label, label_t, (label_w - 16) as f64, 2);
            let line_h = 17;
            let mut ly = y + ROW_H / 2 - (lines.len() as i32 - 1) * line_h / 2;
            for line in lines {
                c.text(&line, (gx - 12, ly), label_t)?;
                ly += line_h;
            }
            for (j, cell) in cells.iter().enumerate() {
                let cx = gx + j as i32 * cell_w;
                let rect = [(cx + 2, y + 2), (cx + cell_w - 2, y + ROW_H - 2)];
                match cell {
                    None => c.rect(rect, EMPTY_FILL, Some(EMPTY_EDGE))?,
                    Some((date, stance)) => {
                        let bg = stance_color(*stance);
                        let fg = text_on(bg);
                        c.rect(rect, bg, None)?;
                        let mid = cx + cell_w / 2;
                        c.text(
                            &fmt_stance(*stance),
                            (mid, y + ROW_H / 2 - 7),
                            Txt::new(16.0, true, fg).anchor(HPos::Center, VPos::Center),
                        )?;
                        c.text(
                            &date.to_string(),
                            (mid, y + ROW_H / 2 + 11),
                            Txt::new(10.0, false, fg).anchor(HPos::Center, VPos::Center),
                        )?;
                    }
                }
            }
        }

        if !self.source.is_empty() {
            let src_t = Txt::new(12.0, false, MUTED).anchor(HPos::Left, VPos::Center);
            for line in wrap(self.source, src_t, (w - 40) as f64, 1) {
                c.text(&line, (20, h - 12), src_t)?;
            }
        }
        // Colour key, centred under the table.
        let ky = h - SOURCE_H - KEY_H / 2;
        let key_t = Txt::new(12.0, false, INK).anchor(HPos::Left, VPos::Center);
        let mut entries: Vec<(Option<f64>, &str)> =
            STANCE_TICKS.iter().map(|(v, l)| (Some(*v), *l)).collect();
        entries.push((None, "no position"));
        let gap = 22;
        let widths: Vec<i32> = entries
            .iter()
            .map(|(_, l)| key_t.width(l).ceil() as i32)
            .collect();
        let total: i32 =
            widths.iter().map(|w| w + 22).sum::<i32>() + gap * (entries.len() as i32 - 1);
        let mut kx = ((w - total) / 2).max(20);
        for ((v, l), tw) in entries.iter().zip(widths) {
            let rect = [(kx, ky - 8), (kx + 16, ky + 8)];
            match v {
                Some(v) => c.rect(rect, stance_color(*v), None)?,
                None => c.rect(rect, EMPTY_FILL, Some(EMPTY_EDGE))?,
            }
            c.text(l, (kx + 22, ky), key_t)?;
            kx += tw + 22 + gap;
        }
        Ok(())
    }
}

/// One overview: the latest position of each party on each issue (a heatmap
/// grid: issues as rows, parties as columns, colour = stance from red (-2
/// reject) through grey (0) to blue (+2 support), value and date in each cell,
/// empty cell where no position).
pub fn overview_chart(positions: &[Position], lex: &Lexicon) -> Result<Chart> {
    overview_chart_with_source(positions, lex, "")
}

/// [`overview_chart`] with a source line at its foot.
pub fn overview_chart_with_source(
    positions: &[Position],
    lex: &Lexicon,
    source: &str,
) -> Result<Chart> {
    let parties = party_styles(positions, lex);
    // (issue, party index) -> latest (date, stance).
    let mut latest: BTreeMap<(&str, usize), (Date, f64)> = BTreeMap::new();
    for p in positions {
        let Some(pi) = parties.iter().position(|s| s.id == p.party) else {
            continue;
        };
        let e = latest
            .entry((p.issue.as_str(), pi))
            .or_insert((p.date, p.stance));
        if p.date > e.0 {
            *e = (p.date, p.stance);
        }
    }
    let rows = issue_list(positions, lex)
        .into_iter()
        .filter(|(id, _, _)| latest.keys().any(|(i, _)| *i == id))
        .map(|(id, label, _)| {
            let cells = (0..parties.len())
                .map(|pi| latest.get(&(id.as_str(), pi)).copied())
                .collect();
            (label, cells)
        })
        .collect();
    let plot = OverviewPlot {
        parties: &parties,
        rows,
        source,
    };
    let desc = format!(
        "A grid of the latest stance of each party (columns) on each issue (rows), coloured from brown (-2 reject) through grey (0) to teal (+2 support). {source}"
    );
    render(
        "overview".to_string(),
        OVERVIEW_TITLE.to_string(),
        desc.trim(),
        &plot,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::positions::{Aggregator, Period, StanceRow};

    fn row(id: &str, date: &str, party: &str, issue: &str, stance: i8) -> StanceRow {
        StanceRow::example(id, id, date, party, issue, stance)
    }

    /// Positions built the way the pipeline builds them.
    fn positions(rows: &[(&str, &str, &str, i8)]) -> Vec<Position> {
        let mut a = Aggregator::new(Period::Day);
        for (i, (date, party, issue, stance)) in rows.iter().enumerate() {
            a.add(row(&format!("d{i:03}"), date, party, issue, *stance));
        }
        a.finish()
    }

    fn sample() -> Vec<Position> {
        positions(&[
            ("2026-02-01", "ukraine", "territory", -2),
            ("2026-02-05", "ukraine", "territory", -2),
            ("2026-02-12", "ukraine", "territory", -1),
            ("2026-02-01", "russia", "territory", 2),
            ("2026-02-09", "russia", "territory", 2),
            ("2026-02-15", "russia", "territory", 1),
            ("2026-02-10", "united_states", "territory", 1),
            ("2026-02-03", "other", "territory", -2),
            // A single point: still drawn as a marker.
            ("2026-02-07", "europe", "ceasefire", 2),
        ])
    }

    #[test]
    fn one_chart_per_issue_with_labels() {
        let lex = Lexicon::default_lexicon();
        let charts = issue_charts(&sample(), &lex).unwrap();
        let names: Vec<&str> = charts.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["issue_territory", "issue_ceasefire"]);
        let t = &charts[0];
        assert_eq!(t.title, "Territory (Donbas)");
        assert!(t.svg.contains("Territory (Donbas)"));
        for label in ["Ukraine", "Russia", "United States"] {
            assert!(t.svg.contains(label), "{label} missing");
        }
        assert!(
            !t.svg.contains("Other (analysts"),
            "party other is not drawn"
        );
        assert!(t.svg.contains("support"));
        assert!(t.svg.contains("2026-02-01"));
        assert!(t.png.starts_with(b"\x89PNG\r\n\x1a\n"));
    }

    #[test]
    fn single_point_series_has_a_marker() {
        let lex = Lexicon::default_lexicon();
        let charts = issue_charts(&sample(), &lex).unwrap();
        let c = &charts[1];
        assert_eq!(c.name, "issue_ceasefire");
        assert!(c.svg.contains("Europe"));
        // Europe's marker is a diamond: one in the plot, one in the legend.
        assert!(
            c.svg.matches("<polygon").count() >= 2 * 2,
            "marker and halo, twice"
        );
    }

    #[test]
    fn rendering_is_deterministic() {
        let lex = Lexicon::default_lexicon();
        let p = sample();
        let a = issue_charts(&p, &lex).unwrap();
        let b = issue_charts(&p, &lex).unwrap();
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.svg, y.svg);
            assert_eq!(x.png, y.png);
        }
        let (x, y) = (
            overview_chart(&p, &lex).unwrap(),
            overview_chart(&p, &lex).unwrap(),
        );
        assert_eq!(x.svg, y.svg);
        assert_eq!(x.png, y.png);
    }

    #[test]
    fn overview_shows_latest_values() {
        let lex = Lexicon::default_lexicon();
        let c = overview_chart(&sample(), &lex).unwrap();
        assert_eq!(c.name, "overview");
        assert!(c.png.starts_with(b"\x89PNG\r\n\x1a\n"));
        // Ukraine's latest position on territory: -1 on 2026-02-12.
        assert!(c.svg.contains("\n-1\n"));
        assert!(c.svg.contains("2026-02-12"));
        assert!(!c.svg.contains("2026-02-05"), "not the latest");
        assert!(c.svg.contains("Ceasefire and monitoring"));
        assert!(c.svg.contains("no position"));
        let empty = overview_chart(&[], &lex).unwrap();
        assert!(empty.svg.contains("No positions."));
        assert!(issue_charts(&[], &lex).unwrap().is_empty());
    }

    #[test]
    fn font_metrics_match_the_rasteriser() {
        register_fonts();
        for bold in [false, true] {
            let m = metrics(bold);
            assert_ne!(m.glyph('A').0, 0);
            assert_ne!(m.glyph('…').0, 0);
            let t = Txt::new(14.0, bold, INK);
            for s in [
                "Territory (Donbas)",
                "+2 support/demand",
                "2026-02-18",
                "AVATAR",
            ] {
                let ours = t.width(s);
                let theirs = t
                    .font(HPos::Left, VPos::Top)
                    .font
                    .layout_box(s)
                    .unwrap()
                    .1
                    .0;
                assert!(
                    (ours - theirs as f64).abs() <= 1.0,
                    "{s}: {ours} vs {theirs}"
                );
            }
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(fmt_stance(1.5), "+1.5");
        assert_eq!(fmt_stance(-2.0), "-2");
        assert_eq!(fmt_stance(0.0), "0");
        assert_eq!(fmt_stance(-0.004), "0");
        assert_eq!(fmt_stance(0.67), "+0.67");
        let d = jiff::civil::date(2026, 2, 18);
        assert_eq!(day_label(day_number(d)), "2026-02-18");
        let f = day_number(d);
        assert_eq!(date_ticks(f, f), vec![f]);
        for span in [0, 1, 5, 6, 13, 40, 140, 200, 800, 5000] {
            let t = date_ticks(f, f + span);
            assert!(!t.is_empty() && t.len() <= 6, "span {span}: {t:?}");
            assert!(t.iter().all(|x| (f..=f + span).contains(x)));
        }
        assert_eq!(stance_color(-2.0), RGBColor(140, 81, 10));
        assert_eq!(stance_color(2.0), RGBColor(1, 102, 94));
        let t = Txt::new(14.0, false, INK);
        let lines = wrap("one two three four five six seven", t, 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| t.width(l) <= 60.0));
    }

    /// Writes the charts to /tmp/charts_check/ for a look:
    /// `cargo test --release --lib charts::tests::write_for_inspection -- --ignored`
    #[test]
    #[ignore]
    fn write_for_inspection() {
        let lex = Lexicon::default_lexicon();
        let p = sample();
        // Every issue and party, over two months.
        let mut rows = Vec::new();
        for (k, issue) in lex.issues.iter().enumerate() {
            for (j, party) in lex.parties.iter().enumerate() {
                for day in [3, 9, 17, 28, 40, 52] {
                    if (day + j + k) % 3 == 0 {
                        continue;
                    }
                    let date = format!("2026-{:02}-{:02}", 1 + day / 31, 1 + day % 31);
                    let stance = (((day * (j + 1) + k) % 5) as i8) - 2;
                    rows.push((date, party.id.clone(), issue.id.clone(), stance));
                }
            }
        }
        // Parties the lexicon does not know: palette colours, more markers.
        for (j, party) in ["china", "turkey", "united_nations"].iter().enumerate() {
            for day in [5, 20, 33, 47] {
                let date = format!("2026-{:02}-{:02}", 1 + day / 31, 1 + day % 31);
                let stance = (((day + j) % 5) as i8) - 2;
                rows.push((date, party.to_string(), "talks_process".into(), stance));
            }
        }
        let rows: Vec<(&str, &str, &str, i8)> = rows
            .iter()
            .map(|(d, p, i, s)| (d.as_str(), p.as_str(), i.as_str(), *s))
            .collect();
        let long = positions(&rows);
        let dir = std::path::Path::new("/tmp/charts_check");
        std::fs::create_dir_all(dir).unwrap();
        let mut charts = issue_charts(&p, &lex).unwrap();
        charts.push(overview_chart(&p, &lex).unwrap());
        for mut c in issue_charts(&long, &lex).unwrap() {
            c.name = format!("long_{}", c.name);
            charts.push(c);
        }
        let mut o = overview_chart(&long, &lex).unwrap();
        o.name = "long_overview".into();
        charts.push(o);
        // A real run (its stances.csv), if there is one; another with
        // STANCEDIFF_CHECK_RUN=<dir with stances.csv>,<lexicon.toml>.
        let mut runs = vec![("reports/geneva-2026".to_string(), None, "geneva")];
        if let Ok(v) = std::env::var("STANCEDIFF_CHECK_RUN")
            && let Some((dir, lexicon)) = v.split_once(',')
        {
            runs.push((dir.to_string(), Some(lexicon.to_string()), "run"));
        }
        for (dir_in, lexicon, tag) in runs {
            let Ok(mut r) = csv::Reader::from_path(format!("{dir_in}/stances.csv")) else {
                continue;
            };
            let lex = match lexicon {
                Some(l) => Lexicon::from_path(std::path::Path::new(&l)).unwrap(),
                None => Lexicon::default_lexicon(),
            };
            let mut a = Aggregator::new(Period::Day);
            for row in r.deserialize::<StanceRow>() {
                a.add(row.unwrap());
            }
            let real = a.finish();
            for mut c in issue_charts(&real, &lex).unwrap() {
                c.name = format!("{tag}_{}", c.name);
                charts.push(c);
            }
            let mut o = overview_chart(&real, &lex).unwrap();
            o.name = format!("{tag}_overview");
            charts.push(o);
        }
        for c in charts {
            std::fs::write(dir.join(format!("{}.png", c.name)), &c.png).unwrap();
            std::fs::write(dir.join(format!("{}.svg", c.name)), &c.svg).unwrap();
            // A 2x crop of the top left, to check the text.
            let img = image::load_from_memory(&c.png).unwrap().to_rgb8();
            let crop = image::imageops::crop_imm(&img, 0, 0, 450, 150).to_image();
            let big =
                image::imageops::resize(&crop, 900, 300, image::imageops::FilterType::Nearest);
            big.save(dir.join(format!("{}_zoom.png", c.name))).unwrap();
        }
    }
}
