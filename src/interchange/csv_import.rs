//! Tables of cards into journeys, as spreadsheets write them: UTF-8 with or without a
//! byte-order mark, CRLF or LF, quoted fields holding separators, quotes and line
//! breaks, `,` or `;` between fields (European Excel writes `;`), or tabs.

use super::assemble::{Assembly, Row};
use super::columns::{self, Column};
use super::{ImportError, Place};
use crate::model::{Edit, Project, echo};

/// What separates a table's fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,`, `;` or a tab, whichever the header row has most of.
    Sniff,
    Tab,
}

/// Reads a table of cards into `assembly`.
pub fn fill_table(
    bytes: &[u8],
    separator: Separator,
    assembly: &mut Assembly,
) -> Result<(), ImportError> {
    let count = read_rows(bytes, separator, None, assembly)?;
    if count == 0 {
        return Err(ImportError::Whole(
            "the table has no rows of cards under its header".to_owned(),
        ));
    }
    Ok(())
}

/// The edit that adds tab-separated `text` (rows copied from a spreadsheet) to the journey
/// at `journey`, and how many cards it adds. The first row is a header when it names
/// columns; otherwise the cells are read in the order of `columns`.
pub fn paste_rows(
    project: &Project,
    journey: usize,
    text: &str,
    columns: &[Column],
) -> Result<(Edit, usize, Vec<String>), ImportError> {
    let mut assembly = Assembly::into_journey(project.clone(), journey);
    let count = read_rows(
        text.as_bytes(),
        Separator::Tab,
        Some(columns),
        &mut assembly,
    )?;
    if count == 0 {
        return Err(ImportError::Whole("there are no rows to add".to_owned()));
    }
    let (edit, warnings) = assembly.finish_as_edit()?;
    Ok((edit, count, warnings))
}

/// The separator `line` (a header row) has most of, outside quotes: `,` when none.
fn sniff(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let separators = [b',', b';', b'\t'];
    let most = counts.iter().copied().max().unwrap_or(0);
    separators
        .into_iter()
        .zip(counts)
        .find(|&(_, n)| n == most)
        .map_or(b',', |(s, _)| s)
}

/// Reads the rows of a table into `assembly`; returns how many cards they hold. The
/// first row is the header; with `columns`, only when it names known columns, and
/// otherwise the cells are in the order of `columns`.
fn read_rows(
    bytes: &[u8],
    separator: Separator,
    columns: Option<&[Column]>,
    assembly: &mut Assembly,
) -> Result<usize, ImportError> {
    let utf16 = from_utf16(bytes)?;
    let bytes = utf16.as_deref().unwrap_or(bytes);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (bytes, told) = separator_line(bytes);
    let delimiter = match (told, separator) {
        (Some(told), _) => told,
        (None, Separator::Tab) => b'\t',
        (None, Separator::Sniff) => {
            let end = bytes
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(bytes.len());
            sniff(&bytes[..end])
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut header: Option<Vec<Option<Column>>> = None;
    let mut count = 0;
    let mut record = csv::ByteRecord::new();
    for number in 1.. {
        let more = reader.read_byte_record(&mut record).map_err(|error| {
            ImportError::at(
                &Place::Row {
                    row: number,
                    column: None,
                },
                format!("cannot read the row: {error}"),
            )
        })?;
        if !more {
            break;
        }
        let place = Place::Row {
            row: number,
            column: None,
        };
        let cells = cells(&record, &place)?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        if cells.iter().any(|c| c.contains('\n'))
            && ends_in_open_quote(bytes.get(start..).unwrap_or_default(), delimiter)
        {
            return Err(ImportError::at(
                &place,
                "a cell of this row opens a quote (\") that is never closed, so every line after it would be read into that one cell; close the quote or take it out",
            ));
        }
        let Some(header) = &header else {
            header = Some(match columns {
                Some(columns) if !names_columns(&cells) => {
                    // No header: this row is a card, in the outline's column order.
                    let given: Vec<Option<Column>> = columns.iter().cloned().map(Some).collect();
                    assembly.add_row(row(&given, &cells, place)?)?;
                    count += 1;
                    given
                }
                _ => read_header(&cells, number, assembly)?,
            });
            continue;
        };
        assembly.add_row(row(header, &cells, place)?)?;
        count += 1;
    }
    if header.is_none() {
        return Err(ImportError::Whole(
            "the table is empty: it needs a header row naming its columns (stage, title, …) and a row per card".to_owned(),
        ));
    }
    Ok(count)
}

/// Excel's "Unicode text" (UTF-16 with a byte-order mark) as UTF-8; `None` for any
/// other text.
fn from_utf16(bytes: &[u8]) -> Result<Option<Vec<u8>>, ImportError> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return Ok(None),
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map(|text| Some(text.into_bytes()))
        .map_err(|_| {
            ImportError::Whole(
                "the table is damaged UTF-16 text; save it as “CSV UTF-8”".to_owned(),
            )
        })
}

/// Excel's `sep=;` first line, which names the separator and is no row of the table:
/// the rest of the table, and the separator it names.
fn separator_line(bytes: &[u8]) -> (&[u8], Option<u8>) {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    let line = bytes[..end].strip_suffix(b"\r").unwrap_or(&bytes[..end]);
    match line {
        [b's' | b'S', b'e' | b'E', b'p' | b'P', b'=', separator] => {
            (bytes.get(end + 1..).unwrap_or_default(), Some(*separator))
        }
        _ => (bytes, None),
    }
}

/// Whether the record at the start of `tail` runs to the end of the text inside a quoted
/// cell: a quote opened and never closed. A quote inside an unquoted cell (`12" screen`)
/// is only a character, as spreadsheets read it.
fn ends_in_open_quote(tail: &[u8], delimiter: u8) -> bool {
    let mut quoted = false;
    let mut field_start = true;
    let mut bytes = tail.iter().peekable();
    while let Some(&b) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match b {
            b'"' if field_start => quoted = true,
            b'\n' => return false,
            _ => {}
        }
        field_start = b == delimiter;
    }
    quoted
}

/// The cells of a record as text, refusing text that is not UTF-8.
fn cells(record: &csv::ByteRecord, place: &Place) -> Result<Vec<String>, ImportError> {
    record
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            String::from_utf8(cell.to_vec()).map_err(|_| {
                ImportError::at(
                    &place.at(&format!("{}", i + 1)),
                    "the text is not UTF-8; save the table as “CSV UTF-8”",
                )
            })
        })
        .collect()
}

/// Whether a pasted first row is a header: it names at least two known columns.
fn names_columns(cells: &[String]) -> bool {
    cells
        .iter()
        .filter(|c| Column::of_header(c).is_some())
        .count()
        >= 2
}

/// The columns a header row names. Unknown ones are ignored with a warning; a table
/// needs `stage` and `title`, each once.
fn read_header(
    cells: &[String],
    row: usize,
    assembly: &mut Assembly,
) -> Result<Vec<Option<Column>>, ImportError> {
    let header: Vec<Option<Column>> = cells.iter().map(|c| Column::of_header(c)).collect();
    let unknown: Vec<String> = cells
        .iter()
        .zip(&header)
        .filter(|(cell, column)| column.is_none() && !cell.trim().is_empty())
        .map(|(cell, _)| format!("`{}`", echo(cell.trim())))
        .collect();
    if !unknown.is_empty() {
        assembly.warn(format!(
            "row {row}: {} ignored: {}",
            if unknown.len() == 1 {
                "an unknown column is"
            } else {
                "unknown columns are"
            },
            unknown.join(", ")
        ));
    }
    for (i, column) in header.iter().enumerate() {
        let Some(column) = column else { continue };
        if let Some(j) = header[..i]
            .iter()
            .position(|c| c.as_ref().is_some_and(|c| c.same_as(column)))
        {
            return Err(ImportError::at(
                &Place::Row {
                    row,
                    column: Some(column.header()),
                },
                format!(
                    "the column is there twice, as columns {} and {}",
                    j + 1,
                    i + 1
                ),
            ));
        }
    }
    for required in [Column::Stage, Column::Title] {
        if !header.contains(&Some(required.clone())) {
            let found: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
            return Err(ImportError::Whole(format!(
                "row {row}: the header has no `{}` column; a table of cards needs at least `stage` and `title` (its header is: {})",
                required.header(),
                echo(&found.join(", "))
            )));
        }
    }
    Ok(header)
}

/// The card a row describes, its cells read by `header`.
fn row(header: &[Option<Column>], cells: &[String], place: Place) -> Result<Row, ImportError> {
    let mut row = Row::at(place.clone());
    for (i, cell) in cells.iter().enumerate() {
        let column = match header.get(i) {
            Some(Some(column)) => column,
            Some(None) => continue,
            None if cell.trim().is_empty() => continue,
            None => {
                return Err(ImportError::at(
                    &place.at(&format!("{}", i + 1)),
                    format!(
                        "`{}` stands in a column the header does not name",
                        echo(cell.trim())
                    ),
                ));
            }
        };
        let cell = columns::text_cell(cell);
        let fail = |message: String| ImportError::at(&place.at(&column.header()), message);
        let blank = cell.trim().is_empty();
        match column {
            Column::Journey => row.journey = cell.trim().to_owned(),
            Column::Stage => row.stage = cell.trim().to_owned(),
            Column::StageId if blank => {}
            Column::StageId => row.stage_id = Some(cell.trim().to_owned()),
            Column::Lane => row.lane = cell.trim().to_owned(),
            Column::LaneKind if blank => {}
            Column::LaneKind => row.lane_kind = Some(columns::lane_kind(cell).map_err(fail)?),
            Column::Kind if blank => {}
            Column::Kind => row.kind = Some(columns::card_kind(cell).map_err(fail)?),
            Column::Id => {
                let id = cell.trim();
                if id.contains(|c: char| c.is_whitespace() || c == ',' || c == ';') {
                    return Err(fail(format!(
                        "`{}` is not an id: links list ids separated by spaces or commas, so an id has neither; write `{}`",
                        echo(id),
                        crate::model::slug(id)
                    )));
                }
                row.id = id.to_owned();
            }
            Column::Title => row.title = cell.trim().to_owned(),
            Column::Notes => row.notes = lines(cell),
            Column::Channel => row.channel = cell.trim().to_owned(),
            Column::Owner => row.owner = cell.trim().to_owned(),
            Column::Persona => row.persona = cell.trim().to_owned(),
            Column::Emotion if blank => {}
            Column::Emotion => row.scores.primary = Some(columns::emotion(cell).map_err(fail)?),
            Column::EmotionOf(_) if blank => {}
            Column::EmotionOf(persona) => {
                let score = columns::emotion(cell).map_err(fail)?;
                row.scores.members.push((persona.clone(), score));
            }
            Column::MomentOfTruth => row.moment_of_truth = columns::yes_no(cell).map_err(fail)?,
            Column::IfItFails => row.if_it_fails = lines(cell),
            Column::Severity if blank => {}
            Column::Severity => row.severity = Some(columns::severity(cell).map_err(fail)?),
            Column::Evidence if blank => {}
            Column::Evidence => row.evidence = columns::evidence(cell).map_err(fail)?,
            Column::Links => {
                row.links = cell
                    .split([',', ';', ' ', '\n', '\t'])
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect();
            }
        }
    }
    Ok(row)
}

/// A cell of several lines with its line breaks as `\n`, as a project holds them.
fn lines(cell: &str) -> String {
    cell.replace("\r\n", "\n")
}
