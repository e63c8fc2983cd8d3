//! Which files a run reads: the inputs as given, each folder expanded into the supported files
//! directly inside it (in name order), leaving out the Partner Center exports given apart and
//! the files of an earlier run's output set that the folder holds (`run dir --out dir`). `-`
//! stands for standard input; a FIFO or device is read as a stream.

use super::{is_supported, SHEET_EXTENSIONS, TEXT_EXTENSIONS};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// The input that stands for standard input.
pub const STDIN: &str = "-";

/// The files to read, and what the user should know about how they were found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// The files, in reading order.
    pub files: Vec<PathBuf>,
    /// Files left out of a folder because they are an earlier run's outputs, per folder.
    pub skipped: Vec<(PathBuf, Vec<String>)>,
}

/// Expands folders into the supported files inside them, leaving out `exclude` and the files
/// for which `is_output` is true.
pub fn discover(
    inputs: &[PathBuf],
    exclude: &[PathBuf],
    is_output: &dyn Fn(&Path) -> bool,
) -> Result<Discovered> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    let mut found = Discovered::default();
    if inputs.iter().filter(|i| i.as_path() == Path::new(STDIN)).count() > 1 {
        return Err(Error::Usage(format!("'{STDIN}' (standard input) is given twice; it can be read once")));
    }
    for input in inputs {
        // `-` is standard input even where a file of that name exists (`./-` names the file).
        if input.as_path() == Path::new(STDIN) {
            found.files.push(input.clone());
            continue;
        }
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::input_file(input, "no such file or folder"))
            }
            Err(e) => return Err(Error::input_file(input, format!("cannot read it: {e}"))),
        };
        if !meta.is_dir() {
            // A regular file, or a FIFO or device read as a stream.
            found.files.push(input.clone());
            continue;
        }
        let entries = std::fs::read_dir(input)
            .map_err(|e| Error::input_file(input, format!("cannot list the folder: {e}")))?;
        let mut listed: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && is_supported(p))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !name.starts_with('.') && !name.starts_with("~$")
            })
            .filter(|p| !exclude.iter().any(|x| same(p, x)))
            .collect();
        listed.sort();
        let (outputs, files): (Vec<PathBuf>, Vec<PathBuf>) = listed.into_iter().partition(|p| is_output(p));
        if !outputs.is_empty() {
            let names =
                outputs.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned());
            found.skipped.push((input.clone(), names.collect()));
        }
        if files.is_empty() {
            let why = match outputs.is_empty() {
                true => format!(
                    "the folder holds no supported file (.{} or .{})",
                    TEXT_EXTENSIONS.join(", ."),
                    SHEET_EXTENSIONS.join(", .")
                ),
                false => "the folder holds only the outputs of an earlier pc-onboard run, which are never \
                          read as inputs"
                    .to_string(),
            };
            return Err(Error::input_file(input, why));
        }
        found.files.extend(files);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_without_exports_and_outputs() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.csv", "a.xlsx", "notes.md", ".hidden.csv", "~$a.xlsx", "pc.csv", "duplicates.csv"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let export = dir.path().join("pc.csv");
        let is_output = |p: &Path| p.ends_with("duplicates.csv");
        let d = discover(&[dir.path().to_path_buf()], &[export], &is_output).unwrap();
        let names: Vec<_> = d.files.iter().map(|p| p.file_name().unwrap().to_string_lossy()).collect();
        assert_eq!(names, ["a.xlsx", "b.csv"]);
        assert_eq!(d.skipped, [(dir.path().to_path_buf(), vec!["duplicates.csv".to_string()])]);
        let only_outputs = |p: &Path| p.extension().is_some();
        let err = discover(&[dir.path().to_path_buf()], &[], &only_outputs).unwrap_err();
        assert!(err.to_string().contains("only the outputs of an earlier"), "{err}");
    }

    #[test]
    fn stdin_once_and_missing_paths() {
        let none = |_: &Path| false;
        let d = discover(&[PathBuf::from(STDIN)], &[], &none).unwrap();
        assert_eq!(d.files, [PathBuf::from(STDIN)]);
        let twice = discover(&[PathBuf::from(STDIN), PathBuf::from(STDIN)], &[], &none).unwrap_err();
        assert_eq!(twice.exit_code(), crate::error::exit::USAGE);
        let missing = discover(&[PathBuf::from("no/such.csv")], &[], &none).unwrap_err();
        assert!(missing.to_string().contains("no such file or folder"), "{missing}");
    }
}
