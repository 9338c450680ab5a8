//! Colours by role. The default uses the terminal's 16 ANSI colours on its
//! own background; `mono` (forced by NO_COLOR) uses only bold, dim and
//! reverse video, so the selection is still visible.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    pub base: Style,
    pub header: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub title: Style,
    pub border: Style,
    pub border_focus: Style,
    pub selected: Style,
    pub warning: Style,
    pub blocked: Style,
    pub done: Style,
    pub dim: Style,
    pub key: Style,
    pub section: Style,
}

impl Theme {
    pub fn ansi16() -> Theme {
        let s = Style::default;
        Theme {
            name: "ansi16",
            base: s(),
            header: s().add_modifier(Modifier::BOLD),
            tab: s(),
            tab_active: s().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title: s().add_modifier(Modifier::BOLD),
            border: s().fg(Color::DarkGray),
            border_focus: s().fg(Color::Cyan),
            selected: s().add_modifier(Modifier::REVERSED),
            warning: s().fg(Color::Red).add_modifier(Modifier::BOLD),
            blocked: s().fg(Color::Yellow),
            done: s().fg(Color::Green),
            dim: s().add_modifier(Modifier::DIM),
            key: s().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            section: s().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        }
    }

    pub fn mono() -> Theme {
        let s = Style::default;
        Theme {
            name: "mono",
            base: s(),
            header: s().add_modifier(Modifier::BOLD),
            tab: s(),
            tab_active: s().add_modifier(Modifier::REVERSED),
            title: s().add_modifier(Modifier::BOLD),
            border: s(),
            border_focus: s().add_modifier(Modifier::BOLD),
            selected: s().add_modifier(Modifier::REVERSED),
            warning: s().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            blocked: s().add_modifier(Modifier::ITALIC),
            done: s().add_modifier(Modifier::DIM),
            dim: s().add_modifier(Modifier::DIM),
            key: s().add_modifier(Modifier::BOLD),
            section: s().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    pub fn ansi256() -> Theme {
        let c = Color::Indexed;
        Theme {
            name: "ansi256",
            border: Style::default().fg(c(244)),
            border_focus: Style::default().fg(c(39)),
            warning: Style::default().fg(c(196)).add_modifier(Modifier::BOLD),
            blocked: Style::default().fg(c(214)),
            done: Style::default().fg(c(70)),
            key: Style::default().fg(c(39)).add_modifier(Modifier::BOLD),
            section: Style::default().fg(c(135)).add_modifier(Modifier::BOLD),
            ..Theme::ansi16()
        }
    }

    pub fn truecolor() -> Theme {
        let rgb = Color::Rgb;
        Theme {
            name: "truecolor",
            border: Style::default().fg(rgb(128, 128, 128)),
            border_focus: Style::default().fg(rgb(0, 135, 255)),
            warning: Style::default().fg(rgb(220, 38, 38)).add_modifier(Modifier::BOLD),
            blocked: Style::default().fg(rgb(217, 119, 6)),
            done: Style::default().fg(rgb(22, 163, 74)),
            key: Style::default().fg(rgb(0, 135, 255)).add_modifier(Modifier::BOLD),
            section: Style::default().fg(rgb(147, 51, 234)).add_modifier(Modifier::BOLD),
            ..Theme::ansi16()
        }
    }

    /// The theme named in the config; NO_COLOR wins over any choice.
    pub fn select(name: Option<&str>, no_color: bool) -> Result<Theme, String> {
        if no_color {
            return Ok(Theme::mono());
        }
        match name.map(|n| n.trim().to_ascii_lowercase()) {
            None => Ok(Theme::ansi16()),
            Some(n) => match n.as_str() {
                "ansi16" | "default" | "16" => Ok(Theme::ansi16()),
                "ansi256" | "256" => Ok(Theme::ansi256()),
                "truecolor" | "24bit" | "rgb" => Ok(Theme::truecolor()),
                "mono" | "none" | "monochrome" => Ok(Theme::mono()),
                _ => Err(n),
            },
        }
    }
}
