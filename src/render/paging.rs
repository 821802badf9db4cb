//! Long lists cut into pages a reader can load. A list (the home timeline, the statements, a
//! topic, a speaker, a source) of up to [`LIST_LIMIT`] articles is one page. A longer one is
//! split: each year of statements, and the articles without a date, get pages of their own, each
//! holding at most [`LIST_LIMIT`] articles, and the list's main page shows the first page of the
//! latest year. Rendering, the sitemap and `serve`'s incremental rebuilds all ask this module
//! which pages a list has and what each shows, so they cannot disagree.

use crate::order::Timeline;

/// Articles a list page holds at most; a list longer than this is split.
pub const LIST_LIMIT: usize = 400;

/// Which part of a list a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The list's main page: all of it, or for a split list the latest year's first page.
    Main,
    /// The statements of one year.
    Year(i32),
    /// The articles whose statement date is not known.
    Undated,
}

/// One page of a list: a part, and which of its pages (1 for the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListPage {
    /// The part shown.
    pub part: Part,
    /// The page of the part, from 1.
    pub number: usize,
}

impl ListPage {
    /// The list's main page.
    pub const MAIN: ListPage = ListPage {
        part: Part::Main,
        number: 1,
    };

    /// The page's folder under its list's folder: ``, `2019/`, `2019/2/`, `undated/`,
    /// `undated/3/`.
    pub fn folder(self) -> String {
        let part = match self.part {
            Part::Main => return String::new(),
            Part::Year(y) => y.to_string(),
            Part::Undated => "undated".to_string(),
        };
        if self.number > 1 {
            format!("{part}/{}/", self.number)
        } else {
            format!("{part}/")
        }
    }
}

/// A list's pages and what each shows.
pub struct Paging {
    /// Whether the list is longer than one page.
    split: bool,
    /// Whether pages run newest first (the config's `order`).
    newest_first: bool,
    /// Each year's articles in timeline order, newest year first.
    years: Vec<(i32, Vec<usize>)>,
    /// Articles without a statement date, in timeline order.
    undated: Vec<usize>,
    /// The whole list, in timeline order.
    all: Vec<usize>,
}

impl Paging {
    /// The paging of `indexes` (articles of `timeline`, in timeline order).
    pub fn of(timeline: &Timeline, indexes: &[usize], newest_first: bool) -> Paging {
        let year_of = |i: usize| {
            timeline.articles[i]
                .stated
                .value
                .map(|d| chrono::Datelike::year(&d))
        };
        Paging::new(indexes, year_of, newest_first)
    }

    /// The paging of `indexes` (in timeline order), given each one's statement year.
    pub fn new(
        indexes: &[usize],
        year_of: impl Fn(usize) -> Option<i32>,
        newest_first: bool,
    ) -> Paging {
        let mut years: Vec<(i32, Vec<usize>)> = Vec::new();
        let mut undated = Vec::new();
        for &i in indexes {
            let Some(y) = year_of(i) else {
                undated.push(i);
                continue;
            };
            // In timeline order a year's articles come together: look at the last year first.
            match years.last_mut() {
                Some((last, list)) if *last == y => list.push(i),
                _ => match years.iter_mut().find(|(year, _)| *year == y) {
                    Some((_, list)) => list.push(i),
                    None => years.push((y, vec![i])),
                },
            }
        }
        years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
        Paging {
            split: indexes.len() > LIST_LIMIT,
            newest_first,
            years,
            undated,
            all: indexes.to_vec(),
        }
    }

    /// Whether the list is longer than one page.
    pub fn split(&self) -> bool {
        self.split
    }

    /// The years with statements, newest first, with their article counts.
    pub fn years(&self) -> impl Iterator<Item = (i32, usize)> + '_ {
        self.years.iter().map(|(y, list)| (*y, list.len()))
    }

    /// How many articles have no statement date.
    pub fn undated_count(&self) -> usize {
        self.undated.len()
    }

    /// The latest year with statements.
    pub fn latest(&self) -> Option<i32> {
        self.years.first().map(|(y, _)| *y)
    }

    /// Every page of the list: the main page, then for a split list each year's and the
    /// undated articles' pages.
    pub fn pages(&self) -> Vec<ListPage> {
        let mut pages = vec![ListPage::MAIN];
        if self.split {
            let parts = self
                .years
                .iter()
                .map(|(y, _)| Part::Year(*y))
                .chain((!self.undated.is_empty()).then_some(Part::Undated));
            for part in parts {
                pages.extend((1..=self.page_count(part)).map(|number| ListPage { part, number }));
            }
        }
        pages
    }

    /// How many pages `part` takes (at least 1).
    pub fn page_count(&self, part: Part) -> usize {
        let len = match part {
            Part::Main => return 1,
            Part::Year(y) => self.year(y).len(),
            Part::Undated => self.undated.len(),
        };
        len.div_ceil(LIST_LIMIT).max(1)
    }

    /// The part whose pages the main page belongs to: the latest year when split.
    pub fn main_part(&self) -> Part {
        match (self.split, self.latest()) {
            (true, Some(y)) => Part::Year(y),
            (true, None) => Part::Undated,
            (false, _) => Part::Main,
        }
    }

    /// The articles `page` shows, in timeline order (empty for a page the list lacks).
    pub fn articles(&self, page: ListPage) -> &[usize] {
        let list: &[usize] = match page.part {
            Part::Main if !self.split => return &self.all,
            Part::Main => {
                return self.articles(ListPage {
                    part: self.main_part(),
                    number: 1,
                });
            }
            Part::Year(y) => self.year(y),
            Part::Undated => &self.undated,
        };
        // Page 1 holds what a reader sees first: the oldest, or with newest-first the newest.
        let skip = (page.number.max(1) - 1) * LIST_LIMIT;
        if skip >= list.len() {
            return &[];
        }
        if self.newest_first {
            let end = list.len() - skip;
            &list[end.saturating_sub(LIST_LIMIT)..end]
        } else {
            &list[skip..(skip + LIST_LIMIT).min(list.len())]
        }
    }

    fn year(&self, y: i32) -> &[usize] {
        self.years
            .iter()
            .find(|(year, _)| *year == y)
            .map_or(&[], |(_, list)| list)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Statement years of articles `0..`: `n` articles per year of `years`, then `undated`.
    fn years_of(years: &[(i32, usize)], undated: usize) -> Vec<Option<i32>> {
        let mut out: Vec<Option<i32>> = years
            .iter()
            .flat_map(|&(y, n)| std::iter::repeat_n(Some(y), n))
            .collect();
        out.extend(std::iter::repeat_n(None, undated));
        out
    }

    fn paging(years: &[Option<i32>], newest_first: bool) -> (Paging, Vec<usize>) {
        let all: Vec<usize> = (0..years.len()).collect();
        (Paging::new(&all, |i| years[i], newest_first), all)
    }

    #[test]
    fn a_short_list_is_one_page_with_everything() {
        let (p, all) = paging(&years_of(&[(2018, 3), (2019, 2)], 2), false);
        assert!(!p.split());
        assert_eq!(p.pages(), vec![ListPage::MAIN]);
        assert_eq!(p.articles(ListPage::MAIN), &all[..]);
    }

    #[test]
    fn a_long_list_gets_year_pages_of_at_most_the_limit_and_undated_pages() {
        // 2019 has one page and a bit, 2020 one page, and the undated fill two.
        let years = years_of(&[(2019, LIST_LIMIT + 5), (2020, 10)], LIST_LIMIT + 1);
        let (p, all) = paging(&years, false);
        assert!(p.split());
        let page = |part, number| ListPage { part, number };
        assert_eq!(
            p.pages(),
            vec![
                ListPage::MAIN,
                page(Part::Year(2020), 1),
                page(Part::Year(2019), 1),
                page(Part::Year(2019), 2),
                page(Part::Undated, 1),
                page(Part::Undated, 2),
            ]
        );
        // The main page is the latest year's first page.
        assert_eq!(
            p.articles(ListPage::MAIN),
            p.articles(page(Part::Year(2020), 1))
        );
        assert_eq!(p.articles(page(Part::Year(2019), 1)).len(), LIST_LIMIT);
        assert_eq!(
            p.articles(page(Part::Year(2019), 2)),
            &[
                LIST_LIMIT,
                LIST_LIMIT + 1,
                LIST_LIMIT + 2,
                LIST_LIMIT + 3,
                LIST_LIMIT + 4
            ]
        );
        assert_eq!(p.articles(page(Part::Undated, 2)).len(), 1);
        assert!(p.articles(page(Part::Undated, 3)).is_empty());
        // Every article is on exactly one page besides the main page.
        let mut seen: Vec<usize> = p.pages()[1..]
            .iter()
            .flat_map(|&pg| p.articles(pg).to_vec())
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, all);
        assert_eq!(page(Part::Year(2019), 2).folder(), "2019/2/");
        assert_eq!(page(Part::Undated, 1).folder(), "undated/");
        assert_eq!(ListPage::MAIN.folder(), "");
    }

    #[test]
    fn newest_first_puts_the_newest_articles_of_a_part_on_its_first_page() {
        let (p, _) = paging(&years_of(&[(2019, LIST_LIMIT + 5)], 0), true);
        let first = p.articles(ListPage {
            part: Part::Year(2019),
            number: 1,
        });
        assert_eq!(first.len(), LIST_LIMIT);
        assert_eq!(*first.last().unwrap(), LIST_LIMIT + 4, "the newest");
        let second = p.articles(ListPage {
            part: Part::Year(2019),
            number: 2,
        });
        assert_eq!(second, &[0, 1, 2, 3, 4]);
    }
}
