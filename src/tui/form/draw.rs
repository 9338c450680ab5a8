//! Drawing a form: labels and values in two columns, the focused field's
//! cursor, pickers' options, and the line of keys at the bottom.

use super::*;

impl Form {
    /// Label column width and value column width for an inner width.
    fn columns(&self, inner_w: usize) -> (usize, usize) {
        let longest = self.fields.iter().map(|f| display_width(&f.label) + if f.required { 2 } else { 0 }).max();
        let label_w = longest.unwrap_or(0).min(MAX_LABEL).min(inner_w / 3);
        (label_w, inner_w.saturating_sub(label_w + 1))
    }

    fn heights(&self, value_w: usize, today: NaiveDate) -> Vec<usize> {
        self.fields.iter().enumerate().map(|(i, f)| f.height(i == self.focus, value_w, today)).collect()
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, sh: &Shared) {
        if area.width < 3 || area.height < 3 {
            return;
        }
        let (_, guess_w) = self.columns(area.width.min(POPUP_WIDTH).saturating_sub(2) as usize);
        let guess = self.heights(guess_w, sh.today);
        // Room under a suggest field for its dropdown, so a short form does not clip it.
        let room = self.fields.iter().enumerate().filter_map(|(i, f)| match &f.kind {
            FieldKind::Suggest(list) if !list.is_empty() => {
                Some(guess[..=i].iter().sum::<usize>() + list.len().min(MAX_DROPDOWN))
            }
            _ => None,
        });
        let want = room.fold(guess.iter().sum::<usize>(), usize::max) + 3;
        let outer = popup_area(area, POPUP_WIDTH, want.min(u16::MAX as usize) as u16);
        let inner = popup_block(f, outer, &self.title, sh);
        if inner.width == 0 || inner.height == 0 {
            return;
        }
        let (label_w, value_w) = self.columns(inner.width as usize);
        let heights = self.heights(value_w, sh.today);
        let bottom_h = u16::from(inner.height >= 2);
        let body = Rect { height: inner.height - bottom_h, ..inner };
        let avail = body.height as usize;
        // Scroll only as far as needed to show the focused field whole.
        let mut first = self.scroll.get().min(self.focus);
        while first < self.focus && heights[first..=self.focus].iter().sum::<usize>() > avail {
            first += 1;
        }
        while first > 0 && heights[first - 1..].iter().sum::<usize>() <= avail {
            first -= 1;
        }
        self.scroll.set(first);
        let (mut y, bottom) = (body.y, body.y + body.height);
        let mut cursor = None;
        let mut focus_row = None;
        for (i, field) in self.fields.iter().enumerate().skip(first) {
            if y >= bottom {
                break;
            }
            let h = (heights[i] as u16).min(bottom - y);
            let rect = Rect { y, height: h, ..body };
            let pos = self.draw_field(f, field, i == self.focus, rect, label_w, value_w, sh);
            if field.locked {
                f.buffer_mut().set_style(rect, sh.theme.dim);
            }
            if i == self.focus {
                cursor = pos;
                focus_row = Some(y);
            }
            y += h;
        }
        if let (Some(row), Some(field)) = (focus_row, self.fields.get(self.focus)) {
            if field.dropdown_shown() && value_w > 0 {
                let x = body.x + label_w as u16 + 1;
                self.draw_dropdown(f, field, Rect { x, y: row, width: value_w as u16, height: 1 }, body, sh);
            }
        }
        if bottom_h == 1 {
            let line = Rect { y: inner.y + inner.height - 1, height: 1, ..inner };
            f.render_widget(Paragraph::new(self.bottom_line(inner.width as usize, sh)), line);
        }
        if let Some(p) = cursor.filter(|_| !self.confirm) {
            f.set_cursor_position(p);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_field(
        &self,
        f: &mut Frame,
        field: &Field,
        focused: bool,
        rect: Rect,
        label_w: usize,
        value_w: usize,
        sh: &Shared,
    ) -> Option<Position> {
        let th = &sh.theme;
        let label = if field.required {
            format!("{} *", fit(&field.label, label_w.saturating_sub(2)))
        } else {
            fit(&field.label, label_w)
        };
        let label_style = if focused { th.key } else { th.dim };
        f.render_widget(Paragraph::new(Span::styled(cell(&label, label_w), label_style)), Rect { height: 1, ..rect });
        let vx = rect.x + label_w as u16 + 1;
        if value_w == 0 || vx >= rect.x + rect.width {
            return None;
        }
        let row =
            |dy: u16| (dy < rect.height).then(|| Rect { x: vx, y: rect.y + dy, width: value_w as u16, height: 1 });
        let put = |f: &mut Frame, dy: u16, line: Line| {
            if let Some(r) = row(dy) {
                f.render_widget(Paragraph::new(line), r);
            }
        };
        let extra = field.extra_error(sh.today);
        let mut cursor = None;
        match &field.kind {
            FieldKind::MultiLine => {
                let text_rows = (rect.height as usize).saturating_sub(usize::from(extra.is_some())).max(1);
                let (rows, cr, cc) =
                    if focused { hard_wrap(&field.input, value_w) } else { (field.display_rows(value_w), 0, 0) };
                let off = cr.saturating_sub(text_rows - 1);
                for (dy, text) in rows.iter().skip(off).take(text_rows).enumerate() {
                    put(f, dy as u16, Line::raw(fit(text, value_w)));
                }
                if focused {
                    cursor = Some(Position::new(vx + cc as u16, rect.y + (cr - off) as u16));
                }
            }
            FieldKind::Choice(_) | FieldKind::MultiChoice(_) | FieldKind::Toggle => {
                if focused && !field.input.is_empty() {
                    let (shown, c) = field.input.visible(value_w);
                    put(f, 0, Line::raw(shown));
                    cursor = Some(Position::new(vx + c as u16, rect.y));
                } else {
                    let line = match field.shown_value() {
                        Some(v) => Line::raw(fit(&v, value_w)),
                        None => Line::styled(fit(&t("form.none"), value_w), th.dim),
                    };
                    put(f, 0, line);
                    let dx = u16::from(field.kind == FieldKind::Toggle);
                    cursor = focused.then(|| Position::new(vx + dx, rect.y));
                }
            }
            _ => {
                let beside = field.is_dated() && value_w >= BESIDE_MIN;
                let input_w = if beside { field.input_width() } else { value_w };
                if focused {
                    let (shown, c) = field.input.visible(input_w);
                    put(f, 0, Line::raw(shown));
                    cursor = Some(Position::new(vx + c as u16, rect.y));
                } else {
                    put(f, 0, Line::raw(fit(field.input.value(), input_w)));
                }
                let (hint, style) = match field.check(sh.today) {
                    Ok(Some(p)) => (p, th.dim),
                    Err(e) => (e, th.warning),
                    Ok(None) => (String::new(), th.dim),
                };
                if beside {
                    let hx = vx + input_w as u16 + 2;
                    let hw = value_w.saturating_sub(input_w + 2);
                    f.render_widget(
                        Paragraph::new(Span::styled(fit(&hint, hw), style)),
                        Rect { x: hx, y: rect.y, width: hw as u16, height: 1 },
                    );
                } else if field.is_dated() {
                    put(f, 1, Line::styled(fit(&hint, value_w), style));
                } else if !hint.is_empty() {
                    // A note on free text (a new place): at the end of the line, if it fits.
                    let (used, w) = (display_width(field.input.value()) + 2, display_width(&hint));
                    if used + w <= value_w {
                        let hx = vx + (value_w - w) as u16;
                        f.render_widget(
                            Paragraph::new(Span::styled(hint, style)),
                            Rect { x: hx, y: rect.y, width: w as u16, height: 1 },
                        );
                    }
                }
            }
        }
        if let Some(e) = extra {
            put(f, rect.height.saturating_sub(1), Line::styled(fit(e, value_w), th.warning));
        }
        cursor.filter(|p| p.y < rect.y + rect.height && p.x < vx + value_w as u16)
    }

    /// Options under the field, or above it when there is more room there.
    fn draw_dropdown(&self, f: &mut Frame, field: &Field, at: Rect, body: Rect, sh: &Shared) {
        let th = &sh.theme;
        let list = field.filtered();
        let want = list.len().clamp(1, MAX_DROPDOWN) as u16;
        let below = (body.y + body.height).saturating_sub(at.y + 1);
        let above = at.y.saturating_sub(body.y);
        let (y, h) = if below >= want || below >= above {
            (at.y + 1, want.min(below))
        } else {
            let h = want.min(above);
            (at.y - h, h)
        };
        if h == 0 {
            return;
        }
        let area = Rect { y, height: h, ..at };
        let w = area.width as usize;
        let multi = matches!(field.kind, FieldKind::MultiChoice(_));
        let hl = match field.kind {
            FieldKind::Suggest(_) => field.hl,
            _ => Some(field.highlight.min(list.len().saturating_sub(1))),
        };
        let off = hl.unwrap_or(0).saturating_sub(h as usize - 1);
        let mut lines = Vec::new();
        if list.is_empty() {
            lines.push(Line::styled(fit(&t("form.no_match"), w), th.dim));
        }
        for (n, &oi) in list.iter().enumerate().skip(off).take(h as usize) {
            let (label, hint) = match &field.kind {
                FieldKind::Suggest(all) => (all[oi].clone(), ""),
                _ => {
                    let c = &field.options()[oi];
                    let chosen = field.selected.contains(&c.id);
                    let mark = match (multi, chosen) {
                        (true, true) => "[x] ",
                        (true, false) => "[ ] ",
                        (false, true) => "• ",
                        (false, false) => "  ",
                    };
                    (format!("{mark}{}", c.label), c.hint.as_str())
                }
            };
            let main = fit(&label, w);
            let rest = w.saturating_sub(display_width(&main));
            let hint = if hint.is_empty() || rest < 3 { String::new() } else { format!(" {}", fit(hint, rest - 1)) };
            let pad = " ".repeat(rest.saturating_sub(display_width(&hint)));
            let base = if Some(n) == hl { th.selected } else { Style::default() };
            lines.push(Line::from(vec![
                Span::styled(main, base),
                Span::styled(hint, base.patch(th.dim)),
                Span::styled(pad, base),
            ]));
        }
        f.render_widget(Clear, area);
        f.render_widget(Paragraph::new(lines), area);
    }

    fn bottom_line(&self, width: usize, sh: &Shared) -> Line<'static> {
        let th = &sh.theme;
        if self.confirm {
            let q = fit(&t("form.discard"), width.saturating_sub(4));
            return Line::from(vec![Span::styled(q, th.warning), Span::styled(" y/n", th.key)]);
        }
        if let Some(e) = &self.error {
            return Line::styled(fit(e, width), th.warning);
        }
        let field = self.fields.get(self.focus);
        let kind = field.map(|f| &f.kind);
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if field.is_some_and(|f| f.dropdown_shown() && f.hl.is_none() && matches!(f.kind, FieldKind::Suggest(_))) {
            // Suggestions are only offered: Enter and Tab keep their usual meaning.
            pairs.extend([
                ("↑↓", t("form.hint_pick")),
                ("Tab", t("form.hint_next")),
                ("Enter", t("form.hint_save")),
                ("Esc", t("form.hint_close")),
            ]);
        } else if field.is_some_and(|f| f.dropdown_shown()) {
            let act =
                if matches!(kind, Some(FieldKind::MultiChoice(_))) { "form.hint_toggle" } else { "form.hint_pick" };
            pairs.extend([("↑↓", t("form.hint_move")), ("Enter", t(act)), ("Esc", t("form.hint_close"))]);
        } else {
            if field.is_some_and(|f| f.is_picker()) {
                pairs.push(("", t("form.hint_filter")));
            }
            if kind == Some(&FieldKind::Toggle) {
                pairs.push(("Space", t("form.hint_toggle")));
            }
            pairs.extend([("Tab", t("form.hint_next")), ("S-Tab", t("form.hint_prev"))]);
            if kind == Some(&FieldKind::MultiLine) {
                pairs.extend([("Enter", t("form.hint_newline")), ("C-s", t("form.hint_save"))]);
            } else {
                pairs.push(("Enter", t("form.hint_save")));
            }
            pairs.push(("Esc", t("form.hint_cancel")));
        }
        let mut spans = Vec::new();
        let mut used = 0;
        for (k, text) in pairs {
            let sep = if spans.is_empty() { "" } else { " · " };
            let piece = if k.is_empty() { text.clone() } else { format!("{k} {text}") };
            let w = display_width(sep) + display_width(&piece);
            if used + w > width {
                break;
            }
            used += w;
            spans.push(Span::styled(sep, th.dim));
            if !k.is_empty() {
                spans.push(Span::styled(k.to_string(), th.key));
                spans.push(Span::styled(format!(" {text}"), th.dim));
            } else {
                spans.push(Span::styled(text, th.dim));
            }
        }
        Line::from(spans)
    }
}
