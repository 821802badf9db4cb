//! A sample of the built-in knowledge base checked against values verified by hand.
//!
//! Every row below was looked up in public reference pages (encyclopedias, official sites, wire
//! copy) independently of what `knowledge/*.toml` says; the comment on each row names the page
//! that verified it. Where sources disagree, the data file carries a comment and the row asserts
//! the value best supported. A row asserts only what was verified: a tenure whose end could not
//! be checked says so (`End::Unchecked`), an outlet lists only the hosts and marks seen.
//!
//! Failing rows are collected and reported together, one line per entry.

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate};
use communique::knowledge::{Boundary, Knowledge};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("bad date {s:?}"))
}

/// How a tenure ended, as far as the sources verified it.
#[derive(Debug, Clone, Copy)]
enum End {
    /// Last day in office (the successor's first day when the hand-over is shared).
    Until(&'static str),
    /// Still in office when the source was written.
    Open,
    /// The end was not verified; only the start is asserted.
    Unchecked,
}

/// One verified tenure: `name` held `office` of `country` from `start`. A boundary is written as
/// precisely as the source gives it: a day (`2013-06-28`), a month (`2005-07`), a year (`2005`), or
/// the days it lies between, both included (`2000-12-19..2001-02-02`; `2007-03-20..` or
/// `..1998-03-03` when one side is unknown).
struct Tenure {
    name: &'static str,
    office: &'static str,
    country: &'static str,
    start: &'static str,
    end: End,
}

const fn t(
    name: &'static str,
    office: &'static str,
    country: &'static str,
    start: &'static str,
    end: End,
) -> Tenure {
    Tenure {
        name,
        office,
        country,
        start,
        end,
    }
}

const FM: &str = "foreign-minister";
const HOS: &str = "head-of-state";
const HOG: &str = "head-of-government";
const UNSG: &str = "un-secretary-general";
const EUHR: &str = "eu-foreign-policy-chief";
const SPOX: &str = "foreign-ministry-spokesperson";

use End::{Open, Unchecked, Until};

#[rustfmt::skip]
const TENURES: &[Tenure] = &[
    // Japan
    // simple.wikipedia.org "Taro Kono": Minister for Foreign Affairs 3 August 2017 – 11 September 2019.
    t("Taro Kono", FM, "JP", "2017-08-03", Until("2019-09-11")),
    // en.wikipedia.org "Toshimitsu Motegi": 11 September 2019 – 4 November 2021.
    t("Toshimitsu Motegi", FM, "JP", "2019-09-11", Until("2021-11-04")),
    // en.wikipedia.org "Toshimitsu Motegi" and "Minister for Foreign Affairs (Japan)": since 21 October 2025.
    t("Toshimitsu Motegi", FM, "JP", "2025-10-21", Open),
    // simple.wikipedia.org "Shinzō Abe": 26 September 2006 – 26 September 2007.
    t("Shinzo Abe", HOG, "JP", "2006-09-26", Until("2007-09-26")),
    // simple.wikipedia.org "Shinzō Abe": 26 December 2012 – 16 September 2020.
    t("Shinzo Abe", HOG, "JP", "2012-12-26", Until("2020-09-16")),
    // en.wikipedia.org "Premiership of Yoshihide Suga": 16 September 2020 – 4 October 2021.
    t("Yoshihide Suga", HOG, "JP", "2020-09-16", Until("2021-10-04")),
    // simple.wikipedia.org "Prime Minister of Japan"; Times of India list: Kishida from 4 October 2021.
    t("Fumio Kishida", HOG, "JP", "2021-10-04", Unchecked),
    // ja.wikipedia.org "小野日子" (iwiki copy): Press Secretary 11 January 2022 – 15 September 2023;
    // mofa.go.jp press conferences of 26 October 2022 and 1 March 2023 by Press Secretary ONO Hikariko.
    // ja.wikipedia.org "佐藤地" (wiki.edu.vn and pedia.3rd-in.co.jp copies): Press Secretary from
    // 28 June 2013, moved to the Minister's Secretariat on 22 January 2015; mofa.go.jp press
    // conference of 28 January 2015: Kawamura took over from her on the 22nd.
    t("Kuni Sato", SPOX, "JP", "2013-06-28", Until("2015-01-22")),
    t("Hikariko Ono", SPOX, "JP", "2022-01-11", Until("2023-09-15")),
    // Press secretaries known only to the month or year (each boundary as precisely as its
    // source gives it):
    // jiia.or.jp forum lecture, 4 October 2005: took office in August 2002, served until July.
    t("Hatsuhisa Takashima", SPOX, "JP", "2002-08", Until("2005-07")),
    // pedia.3rd-in.co.jp "鹿取克章": succeeded Takashima in 2005; FACTA, August 2006: replaced after a
    // year by Sakaba, still giving the press conference of 20 June.
    t("Yoshinori Katori", SPOX, "JP", "2005", Until("2006-06-20..2006-12-31")),
    // Press secretaries seen in office at dated press conferences (a range: the days a boundary
    // lies between, both included; an open side is unknown):
    // mofa.go.jp press conferences: Numata 3 March 1998 (earliest found) to 8 February 2000 (last).
    t("Sadaaki Numata", SPOX, "JP", "..1998-03-03", Until("2000-02-08..")),
    // mofa.go.jp: Numata still on 8 February 2000, Yamazaki on 7 March 2000 and last on 19 December 2000.
    t("Ryuichiro Yamazaki", SPOX, "JP", "2000-02-08..2000-03-07", Until("2000-12-19..")),
    // mofa.go.jp 2 February 2001: "my first appearance as Press Secretary"; last found 26 March 2002.
    t("Norio Hattori", SPOX, "JP", "2000-12-19..2001-02-02", Until("2002-03-26..")),
    // FACTA, August 2006 (succeeds Katori); shugiin.go.jp question 166-143: conference of 20 March 2007.
    t("Mitsuo Sakaba", SPOX, "JP", "2006-06-20..2006-12-31", Until("2007-03-20..")),
    // mofa.go.jp: "Press Secretary Kazuo Kodama" on 27 June 2008; "Press Secretary ... Mr.
    // Kodama" issued the statement on Kyrgyzstan after the clashes of 7 April 2010; Sakaba
    // still in post on 20 March 2007.
    t("Kazuo Kodama", SPOX, "JP", "2007-03-20..2008-06-27", Until("2010-04-07..")),
    // pedia.3rd-in.co.jp "佐藤悟": Press Secretary 2010, ambassador to Spain 2011; mofa.go.jp 27 April 2011.
    t("Satoru Satoh", SPOX, "JP", "2010", Until("2011")),
    // pedia.3rd-in.co.jp "横井裕" and list of holders: 2011-2013.
    t("Yutaka Yokoi", SPOX, "JP", "2011", Until("2013")),
    // mofa.go.jp press conference of 28 January 2015: took over from Sato on the 22nd; list: 2015-2017.
    t("Yasuhisa Kawamura", SPOX, "JP", "2015-01-22", Until("2017")),
    // Sentaku, January 2018: took the post in January 2017; list of holders: 2017-2018.
    t("Norio Maruyama", SPOX, "JP", "2017-01", Until("2018")),
    // pedia.3rd-in.co.jp list of holders: 2018-2019.
    t("Takeshi Osuga", SPOX, "JP", "2018", Until("2019")),
    // Daily News Hungary interview: Press Secretary 2019-2020; list of holders: 2019-2020.
    t("Masato Ohtaka", SPOX, "JP", "2019", Until("2020")),
    // mofa.go.jp press conference of 30 July 2020: moved to the post the previous week; list: 2020-2022.
    t("Tomoyuki Yoshida", SPOX, "JP", "2020-07", Until("2022")),
    // Sankei via au, 28 June 2024: Press Secretary since September 2023; TBS 28 June 2024: moved on.
    t("Maki Kobayashi", SPOX, "JP", "2023-09", Until("2024")),
    // Russia
    // russiansrus.blogspot.com (2007) and china.com.cn (2008-05-08): sworn in 7 May 2000; Medvedev inaugurated 7 May 2008.
    t("Vladimir Putin", HOS, "RU", "2000-05-07", Until("2008-05-07")),
    // diplomaticpress.com "Vladimir Vladimirovich Putin": President since 7 May 2012, succeeding Medvedev.
    t("Vladimir Putin", HOS, "RU", "2012-05-07", Open),
    // Wikipedia "Mikhail Kasyanov" (kiddle copy): 7 May 2000 - 24 February 2004, acting until
    // 17 May 2000; The Independent / AP: dismissed 24 February 2004.
    t("Mikhail Kasyanov", HOG, "RU", "2000-05-17", Until("2004-02-24")),
    // china.com.cn (2008-05-08) and diplomaticpress.com: 7 May 2008 – 7 May 2012.
    t("Dmitry Medvedev", HOS, "RU", "2008-05-07", Until("2012-05-07")),
    // Wikipedia "Sergey Lavrov" (2025 copy): Minister of Foreign Affairs since 9 March 2004.
    t("Sergey Lavrov", FM, "RU", "2004-03-09", Open),
    // simple.wikipedia.org "Prime Minister of Russia"; portnews.ru (decree of 16 January 2020).
    t("Mikhail Mishustin", HOG, "RU", "2020-01-16", Unchecked),
    // rustopnews.ru (Gazeta.ru), 22 May 2008: Nesterenko became director of the Information and Press Department on Thursday.
    t("Andrei Nesterenko", SPOX, "RU", "2008-05-22", Unchecked),
    // profile.ru (Interfax), 2019: chief spokesman of the Foreign Ministry from 2000 to 2005.
    t("Alexander Yakovenko", SPOX, "RU", "2000", Until("2005")),
    // civil.ge: spokesman Kaminin's statement of 9 December 2005 (after Yakovenko left in 2005);
    // rustopnews.ru, 22 May 2008: removed at the end of April.
    t("Mikhail Kamynin", SPOX, "RU", "2005-01-01..2005-12-09", Until("2008-04")),
    // report.az (RIA Novosti), 10 August 2015: "On August 10, 2015, a new Director ... was appointed".
    t("Maria Zakharova", SPOX, "RU", "2015-08-10", Unchecked),
    // United States
    // state.gov "Secretary of State"; Wikipedia "Mike Pompeo": April 26, 2018 – January 20, 2021.
    t("Mike Pompeo", FM, "US", "2018-04-26", Until("2021-01-20")),
    // who2.com (State Department photo): sworn in as 71st Secretary of State on January 26, 2021.
    t("Antony Blinken", FM, "US", "2021-01-26", Unchecked),
    // pixelation.org "Who was secretary of state": Rubio took the oath on January 21, 2025.
    t("Marco Rubio", FM, "US", "2025-01-21", Open),
    // legalclarity.org "last 10 secretaries of state": January 23, 1997 – January 20, 2001.
    t("Madeleine Albright", FM, "US", "1997-01-23", Until("2001-01-20")),
    // Wikipedia (appointment announced 24 April 2017); Los Angeles Times (16 February 2019: still
    // spokeswoman); Newsweek / The Hill (3 April 2019: Ortagus named to replace her).
    t("Heather Nauert", SPOX, "US", "2017-04-24", Until("2019-02-16..2019-04-03")),
    // legalclarity.org: January 20, 2001 – January 26, 2005.
    t("Colin Powell", FM, "US", "2001-01-20", Until("2005-01-26")),
    // legalclarity.org: January 26, 2005 – January 20, 2009.
    t("Condoleezza Rice", FM, "US", "2005-01-26", Until("2009-01-20")),
    // legalclarity.org: January 21, 2009 – February 1, 2013.
    t("Hillary Clinton", FM, "US", "2009-01-21", Until("2013-02-01")),
    // eatsip365.com / winenfood.com: January 20, 1993 - January 20, 2001; BBC (20 January 2001).
    t("Bill Clinton", HOS, "US", "1993-01-20", Until("2001-01-20")),
    // citizendium.org "Donald Trump"; Wikipedia "Timeline of the Donald Trump presidencies".
    t("Donald Trump", HOS, "US", "2017-01-20", Until("2021-01-20")),
    // civicsbeginner.com; Wikipedia "Timeline of the Donald Trump presidencies": 47th president from January 20, 2025.
    t("Donald Trump", HOS, "US", "2025-01-20", Open),
    // Wikipedia "Timeline of the Donald Trump presidencies": Biden inaugurated January 20, 2021.
    t("Joe Biden", HOS, "US", "2021-01-20", Until("2025-01-20")),
    // state.gov, 11 May 2009: Secretary Clinton introduces Ian Kelly as the new Spokesman at that day's briefing.
    t("Ian Kelly", SPOX, "US", "2009-05-11", Unchecked),
    // Wikipedia "Richard Boucher" (2006 copy): Spokesman again from May 2000; Washington Times,
    // 4 June 2005: stepped down from the podium yesterday.
    t("Richard Boucher", SPOX, "US", "2000-05", Until("2005-06-03")),
    // State Department statement, 7 March 2023 (began 20 January 2021); Sputnik 7 March and HRNW
    // 15 March 2023: leaves the post on 17 March, telephone briefings until then.
    t("Ned Price", SPOX, "US", "2021-01-20", Until("2023-03-17")),
    // en.wikipedia.org "John Kirby (admiral)": Spokesperson May 12, 2015 – January 20, 2017
    // (state.gov briefing of 19 January 2017: his last day at the podium).
    t("John Kirby", SPOX, "US", "2015-05-12", Until("2017-01-20")),
    // wikimili.com "Matthew Miller (spokesperson)": in office April 24, 2023 – January 20, 2025,
    // succeeded by Tammy Bruce on January 20, 2025; kiwix 2023-10: assumed office April 24, 2023.
    t("Matthew Miller", SPOX, "US", "2023-04-24", Until("2025-01-20")),
    // The same page: succeeded by Tammy Bruce on January 20, 2025; Reuters / Fox News / TRT
    // 2025-08-09: State Department spokesperson when nominated to the UN post; AP 2025-11-19:
    // "the former State Department spokesperson".
    t("Tammy Bruce", SPOX, "US", "2025-01-20", Until("2025-08-09..2025-11-19")),
    // China
    // en.wikipedia.org "Wang Yi": 16 March 2013 – 30 December 2022.
    t("Wang Yi", FM, "CN", "2013-03-16", Until("2022-12-30")),
    // en.wikipedia.org "Wang Yi"; Global Times, 25 July 2023: reappointed 25 July 2023.
    t("Wang Yi", FM, "CN", "2023-07-25", Open),
    // theinteldrop.org (30 December 2022); Global Times (removed 25 July 2023).
    t("Qin Gang", FM, "CN", "2022-12-30", Until("2023-07-25")),
    // simple.wikipedia.org "President of China": since 14 March 2013.
    t("Xi Jinping", HOS, "CN", "2013-03-14", Open),
    // Wikipedia (kiwix 2024) "Xi Jinping–Li Keqiang Administration": 15 March 2013 – 11 March 2023.
    t("Li Keqiang", HOG, "CN", "2013-03-15", Until("2023-03-11")),
    // Xinhua via cnhubei.com (16 November 2012): first regular press conference "next Monday", 19 November;
    // Liberty Times, 15 January 2025: the ministry's website no longer lists her as spokesperson.
    t("Hua Chunying", SPOX, "CN", "2012-11-19", Until("2025-01-15")),
    // Beijing Morning Post via taiwan.cn (17 November 2012) and Wikipedia (zh): Jiang Yu first
    // appeared on 13 June 2006; her CV (itsfun/jendow copies): spokesperson 2006-2012; Wikipedia
    // (zh): deputy commissioner in Hong Kong from April 2012.
    t("Jiang Yu", SPOX, "CN", "2006-06-13", Until("2012-01-01..2012-04-30")),
    // iixs.net (the book "Waijiaobu fayanren jiemi"): Sun Yuxi's first appearance on 15 December
    // 1998; ppdoc periodical: his last press conference on 12 February 2002.
    t("Sun Yuxi", SPOX, "CN", "1998-12-15", Until("2002-02-12")),
    // Sina / Huashang Chenbao (10 December 2004): spokesperson from 1998; baida5.com: "took the
    // podium in 1999"; China News Service (9 December 2004): her last press conference that day.
    t("Zhang Qiyue", SPOX, "CN", "1998-01-01..1999-12-31", Until("2004-12-09")),
    // International Herald Leader via takungpao.com: Kong Quan's first press conference on 29
    // January 2002; China News Service (22 March 2006): moved on, confirmed on 21 March, last
    // seen a week before.
    t("Kong Quan", SPOX, "CN", "2002-01-29", Until("2006-03-14..2006-03-21")),
    // Xinjingbao (16 January 2009): Liu Jianchao's first press conference on 4 June 2002; Beijing
    // Youth Daily (1 December 2013): his last on 18 December 2008.
    t("Liu Jianchao", SPOX, "CN", "2002-06-04", Until("2008-12-18")),
    // Huasheng (2021): Qin Gang's first press conference on 5 April 2005; Beijing Youth Daily
    // (2013): spokesperson 2005 to 2010; Sina (15 September 2010): minister in London from 13
    // September 2010; Zhengzhijian (2023): back as spokesperson in December 2011; Wen Wei Po (2
    // January 2015): his last press conference on 19 December 2014.
    t("Qin Gang", SPOX, "CN", "2005-04-05", Until("2010-01-01..2010-09-13")),
    t("Qin Gang", SPOX, "CN", "2011-12", Until("2014-12-19")),
    // China News Service (24 February 2009): Ma Zhaoxu's first press conference; Xinhua (28
    // October 2010): still hosting; takefoto.cn: succeeded by Qin Gang in December 2011.
    t("Ma Zhaoxu", SPOX, "CN", "2009-02-24", Until("2010-10-28..2011-12-31")),
    // Xinhua (28 October 2010): Hong Lei starts as spokesperson; Beijing News (23 July 2016): consul
    // general in Chicago from 22 July 2016; US China Press: spokesperson 2010-2016.
    t("Hong Lei", SPOX, "CN", "2010-10-28", Until("2016-01-01..2016-07-22")),
    // Liberty Times, 15 January 2025: Mao Ning first appeared as spokesperson on 5 September 2022 and
    // was still spokesperson (now also director of the Information Department).
    t("Mao Ning", SPOX, "CN", "2022-09-05", Open),
    // United Kingdom
    // simple.wikipedia.org "Boris Johnson": Foreign Secretary 13 July 2016 – 9 July 2018.
    t("Boris Johnson", FM, "GB", "2016-07-13", Until("2018-07-09")),
    // simple.wikipedia.org "Boris Johnson": Prime Minister 24 July 2019 – 6 September 2022.
    t("Boris Johnson", HOG, "GB", "2019-07-24", Until("2022-09-06")),
    // The Guardian (12 May 2010): appointed "last night"; Wikipedia copy: from 12 May 2010 to
    // 14 July 2014; UPI (14 July 2014): resigned that evening, effective immediately.
    t("William Hague", FM, "GB", "2010-05-11..2010-05-12", Until("2014-07-14")),
    // Germany
    // popflock/explained.today "Minister for Foreign Affairs (Germany)": Maas since 14 March 2018, Baerbock since 8 December 2021.
    t("Heiko Maas", FM, "DE", "2018-03-14", Until("2021-12-08")),
    // explained.today and en.wikipedia.org "Minister for Foreign Affairs (Germany)": Wadephul since 6 May 2025.
    t("Annalena Baerbock", FM, "DE", "2021-12-08", Until("2025-05-06")),
    // en.wikipedia.org "Minister for Foreign Affairs (Germany)": incumbent since 6 May 2025.
    t("Johann Wadephul", FM, "DE", "2025-05-06", Open),
    // bundeskanzlerin.de timeline: head of government since 22 November 2005; Scholz government from 8 December 2021.
    t("Angela Merkel", HOG, "DE", "2005-11-22", Until("2021-12-08")),
    // wikiwand simple "Chancellor of Germany": Merz since 6 May 2025.
    t("Friedrich Merz", HOG, "DE", "2025-05-06", Open),
    // France
    // europeansources.info: formally President on 14 May 2017 after the handover with Hollande.
    t("Emmanuel Macron", HOS, "FR", "2017-05-14", Open),
    // owiki "Ministry of Europe and Foreign Affairs" (17 May 2017); decree of 20 May 2022 (handover 21 May, see fr.toml).
    t("Jean-Yves Le Drian", FM, "FR", "2017-05-17", Until("2022-05-20")),
    // Italy
    // simple.wikipedia.org "Luigi Di Maio": 5 September 2019 – 22 October 2022.
    t("Luigi Di Maio", FM, "IT", "2019-09-05", Until("2022-10-22")),
    // wikimili "Minister of Foreign Affairs (Italy)": Tajani since 22 October 2022.
    t("Antonio Tajani", FM, "IT", "2022-10-22", Unchecked),
    // India
    // explained.today/wikimili "Minister of External Affairs (India)": succeeded Swaraj on 30 May 2019 (see in.toml).
    t("S. Jaishankar", FM, "IN", "2019-05-30", Open),
    // Wikipedia 2016 snapshot "Minister of External Affairs (India)": Swaraj since 26 May 2014.
    t("Sushma Swaraj", FM, "IN", "2014-05-26", Until("2019-05-30")),
    // Wikipedia (ipfs) "List of Prime Ministers of India"; careerswave.in: since 26 May 2014.
    t("Narendra Modi", HOG, "IN", "2014-05-26", Open),
    // South Korea
    // en.wikipedia.org "Kang Kyung-wha": June 18, 2017 – February 8, 2021.
    t("Kang Kyung-wha", FM, "KR", "2017-06-18", Until("2021-02-08")),
    // simple.wikipedia.org "Moon Jae-in": 10 May 2017 – 9 May 2022.
    t("Moon Jae-in", HOS, "KR", "2017-05-10", Until("2022-05-09")),
    // Wikipedia source of "President of South Korea" (friendlywiki): incumbent since 4 June 2025.
    t("Lee Jae-myung", HOS, "KR", "2025-06-04", Open),
    // Prime ministers (acting ones omitted):
    // Wikipedia "Kim Jong-pil" (ipfs copy): August 18, 1998 - January 12, 2000.
    t("Kim Jong-pil", HOG, "KR", "1998-08-18", Until("2000-01-12")),
    // en.wikipedia.org "Park Tae-joon": 13 January 2000 - 19 May 2000.
    t("Park Tae-joon", HOG, "KR", "2000-01-13", Until("2000-05-19")),
    // JoongAng Monthly (2000): letter of appointment on 29 June; Edaily (2021): until July 2002.
    t("Lee Han-dong", HOG, "KR", "2000-06-29", Until("2002-07")),
    // en.wikipedia.org "Han Myeong-sook": from 19 April 2006; pl.wikipedia copy: from 20 April
    // 2006; both: until 7 March 2007.
    t("Han Myeong-sook", HOG, "KR", "2006-04-19..2006-04-20", Until("2007-03-07")),
    // fr.wikipedia copy "Han Seung-soo": 29 February 2008 - 28 September 2009.
    t("Han Seung-soo", HOG, "KR", "2008-02-29", Until("2009-09-28")),
    // en.wikipedia.org "Chung Un-chan": 29 September 2009 - 11 August 2010.
    t("Chung Un-chan", HOG, "KR", "2009-09-29", Until("2010-08-11")),
    // mediated.wiki copy of en.wikipedia.org "Jung Hong-won": February 26, 2013 - February 16, 2015.
    t("Chung Hong-won", HOG, "KR", "2013-02-26", Until("2015-02-16")),
    // Wikipedia "Lee Wan-koo" (ipfs copy, wikiwand): 17 February 2015 - 27 April 2015.
    t("Lee Wan-koo", HOG, "KR", "2015-02-17", Until("2015-04-27")),
    // en.wikipedia.org "Hwang Kyo-ahn": 18 June 2015 - 11 May 2017.
    t("Hwang Kyo-ahn", HOG, "KR", "2015-06-18", Until("2017-05-11")),
    // IANS via Lokmat Times (3 July 2025): officially appointed that Thursday.
    t("Kim Min-seok", HOG, "KR", "2025-07-03", Open),
    // Foreign ministers:
    // etnews (Yonhap), 5 August 1998: Hong appointed on the 4th; Chosun Ilbo reporter's column:
    // replaced by Lee Joung-binn on the afternoon of 13 January 2000.
    t("Hong Soon-young", FM, "KR", "1998-08-04", Until("2000-01-13")),
    // Hankyung (26 March 2001): Lee replaced by Han Seung-soo that day.
    t("Lee Joung-binn", FM, "KR", "2000-01-13", Until("2001-03-26")),
    // Hankyung (26 March 2001); Hankyung / etnews / Seoul Shinmun (4 February 2002): replaced by
    // Choi Sung-hong that day.
    t("Han Seung-soo", FM, "KR", "2001-03-26", Until("2002-02-04")),
    // Maeil Sinmun / etnews (27 February 2003): appointed that day; Dong-A (14 January 2004): still
    // minister; JoongAng (16 January 2004): Ban Ki-moon named to succeed him, who had stepped down.
    t("Yoon Young-kwan", FM, "KR", "2003-02-27", Until("2004-01-14..2004-01-16")),
    // Wikipedia "Song Min-soon" (piglix copy): December 1, 2006 - February 29, 2008, then Yu.
    t("Song Min-soon", FM, "KR", "2006-12-01", Until("2008-02-29")),
    // The same page and Yonhap (4 September 2010: in office since February 2008); CNN (6
    // September 2010): left his post on Monday.
    t("Yu Myung-hwan", FM, "KR", "2008-02-29", Until("2010-09-06")),
    // Hankook Ilbo / Money Today (8 October 2010): appointed and took office that day; News1 (11
    // March 2013): farewell ceremony and left the post that morning.
    t("Kim Sung-hwan", FM, "KR", "2010-10-08", Until("2013-03-11")),
    // Dong-A Ilbo (17 August 2016): inaugurated on March 11, 2013; unamwiki: until 18 June 2017.
    t("Yun Byung-se", FM, "KR", "2013-03-11", Until("2017-06-18")),
    // The Fact (inauguration ceremony on 12 May 2022); Korea Herald / Yonhap: last day 10 January 2024.
    t("Park Jin", FM, "KR", "2022-05-12", Until("2024-01-10")),
    // Munhwa News and en.wikipedia.org (from 10 January 2024); Korea JoongAng Daily (appointed
    // Thursday 11 January); en.wikipedia.org: until 18 July 2025.
    t("Cho Tae-yul", FM, "KR", "2024-01-10..2024-01-11", Until("2025-07-18")),
    // Canada
    // wow.com and kiwix copies of "Minister of Foreign Affairs (Canada)": Freeland since 10 January 2017, Champagne since 20 November 2019.
    t("Chrystia Freeland", FM, "CA", "2017-01-10", Until("2019-11-20")),
    // wikipedia-on-ipfs "Minister of Foreign Affairs (Canada)": Garneau since 12 January 2021.
    t("François-Philippe Champagne", FM, "CA", "2019-11-20", Until("2021-01-12")),
    // en.wikipedia.org "Minister of Foreign Affairs (Canada)": Anand since 13 May 2025.
    t("Anita Anand", FM, "CA", "2025-05-13", Open),
    // en-academic.com list of Canadian foreign ministers: January 25, 1996 – October 16, 2000.
    t("Lloyd Axworthy", FM, "CA", "1996-01-25", Until("2000-10-16")),
    // en-academic.com: October 17, 2000 – January 15, 2002.
    t("John Manley", FM, "CA", "2000-10-17", Until("2002-01-15")),
    // internetmarketinsupply.com (took office November 4, 2015); trendsmask.com (Carney from March 14, 2025).
    t("Justin Trudeau", HOG, "CA", "2015-11-04", Until("2025-03-14")),
    // trendsmask.com: Carney took office on March 14, 2025.
    t("Mark Carney", HOG, "CA", "2025-03-14", Open),
    // Australia
    // australianpolitics.com "Foreign ministers since 1901": Payne succeeded Bishop on August 28, 2018; Wong succeeded Payne on May 23, 2022.
    t("Marise Payne", FM, "AU", "2018-08-28", Until("2022-05-23")),
    // australianpolitics.com: Bishop from September 18, 2013.
    t("Julie Bishop", FM, "AU", "2013-09-18", Until("2018-08-28")),
    // wikimili "Minister for Foreign Affairs (Australia)": Wong since 23 May 2022.
    t("Penny Wong", FM, "AU", "2022-05-23", Unchecked),
    // Türkiye
    // en.wikipedia.org "Mevlüt Çavuşoğlu": 29 August 2014 – 28 August 2015.
    t("Mevlüt Çavuşoğlu", FM, "TR", "2014-08-29", Until("2015-08-28")),
    // hitchhikersgui.de "Minister of Foreign Affairs (Turkey)" (24 November 2015); end 3 June 2023 (sources differ, see tr.toml).
    t("Mevlüt Çavuşoğlu", FM, "TR", "2015-11-24", Until("2023-06-03")),
    // wiki.riteme.site "Ministry of Foreign Affairs (Turkey)": Fidan since 3 June 2023.
    t("Hakan Fidan", FM, "TR", "2023-06-03", Open),
    // simple.wikipedia.org "Recep Tayyip Erdoğan": Prime Minister 14 March 2003 – 28 August 2014.
    t("Recep Tayyip Erdoğan", HOG, "TR", "2003-03-14", Until("2014-08-28")),
    // simple.wikipedia.org "Recep Tayyip Erdoğan": President since 28 August 2014.
    t("Recep Tayyip Erdoğan", HOS, "TR", "2014-08-28", Open),
    // thegatheringbaltimore.com list of presidents; enow.com: Gül 28 August 2007 – 28 August 2014.
    t("Abdullah Gül", HOS, "TR", "2007-08-28", Until("2014-08-28")),
    // Wikipedia "Süleyman Demirel" (wikimili, kiwix 2024): 16 May 1993 - 16 May 2000.
    t("Süleyman Demirel", HOS, "TR", "1993-05-16", Until("2000-05-16")),
    // Wikipedia "İsmail Cem" (piglix: to 11 July 2002; 2007 copy: to 10 July 2002).
    t("İsmail Cem", FM, "TR", "1997-06-30", Until("2002-07-10..2002-07-11")),
    // Hürriyet (16 July 2002): appointed four days before 15 July; de.wikipedia copy: from 12
    // July; en.wikipedia.org "Yaşar Yakış": successor from 18 November 2002.
    t("Şükrü Sina Gürel", FM, "TR", "2002-07-11..2002-07-12", Until("2002-11-18")),
    // Brazil
    // atlanticoonline.com (appointed with the government, 1 January 2019); The Brazilian Report (resigned Monday 29 March 2021).
    t("Ernesto Araújo", FM, "BR", "2019-01-01", Until("2021-03-29")),
    // atlanticoonline.com: Bolsonaro took office on January 1, 2019.
    t("Jair Bolsonaro", HOS, "BR", "2019-01-01", Unchecked),
    // itamaraty.gov.br / Estado de Minas: post transmitted by Mauro Vieira (in office until 12 May)
    // on 18 May 2016; tnh1 / jd1noticias: resigned on the evening of 22 February 2017, exoneration
    // in the Diário Oficial of 23 February.
    t("José Serra", FM, "BR", "2016-05-12..2016-05-18", Until("2017-02-22..2017-02-23")),
    // South Africa
    // Wikipedia "Naledi Pandor" infobox (askwikinow copy): 30 May 2019 – 30 June 2024 (see za.toml).
    t("Naledi Pandor", FM, "ZA", "2019-05-30", Until("2024-06-30")),
    // simple.wikipedia.org "President of South Africa"; worddisk copy: since 15 February 2018.
    t("Cyril Ramaphosa", HOS, "ZA", "2018-02-15", Open),
    // thesouthafrican.com (2024): Mbeki took office 14 June 1999, left 24 September 2008.
    t("Thabo Mbeki", HOS, "ZA", "1999-06-14", Until("2008-09-24")),
    // en-academic (from 17 June 1999) and wiki.studentb.eu (from 14 June 1999) copies of Wikipedia
    // "Nkosazana Dlamini-Zuma"; both: until 10 May 2009.
    t("Nkosazana Dlamini-Zuma", FM, "ZA", "1999-06-14..1999-06-17", Until("2009-05-10")),
    // Saudi Arabia
    // simple.wikipedia.org "Ministry of Foreign Affairs (Saudi Arabia)": 13 October 1975 – 29 April 2015.
    t("Saud al-Faisal", FM, "SA", "1975-10-13", Until("2015-04-29")),
    // same list: 29 April 2015 – 27 December 2018.
    t("Adel al-Jubeir", FM, "SA", "2015-04-29", Until("2018-12-27")),
    // same list: 27 December 2018 – 23 October 2019.
    t("Ibrahim Al-Assaf", FM, "SA", "2018-12-27", Until("2019-10-23")),
    // same list; royalcentral.co.uk: assumed his post on 23 October 2019.
    t("Faisal bin Farhan", FM, "SA", "2019-10-23", Open),
    // royalcentral.co.uk: King Salman on the throne since 23 January 2015.
    t("Salman bin Abdulaziz Al Saud", HOS, "SA", "2015-01-23", Unchecked),
    // Indonesia
    // lofirain.com: Foreign Minister since October 27, 2014; jakartaglobe.id: named on 26 October 2014.
    t("Retno Marsudi", FM, "ID", "2014-10-27", Unchecked),
    // Tempo (16 October 2014): foreign minister from 22 October 2009; CNN Indonesia (27 October
    // 2014): term officially ended at the hand-over to Retno Marsudi that Monday.
    t("Marty Natalegawa", FM, "ID", "2009-10-22", Until("2014-10-27")),
    // Mexico
    // cryer.org.uk "Secretary of Foreign Affairs (Mexico)": Bárcena since 3 July 2023.
    t("Alicia Bárcena", FM, "MX", "2023-07-03", Unchecked),
    // Wikipedia "Ernesto Zedillo" (kiddle, chemeurope): 1 December 1994 - 30 November 2000.
    t("Ernesto Zedillo", HOS, "MX", "1994-12-01", Until("2000-11-30")),
    // ja.wikipedia copy (profilbaru): took office on 1 December 2006; La Jornada (30 November 2012
    // and 22 July 2013): foreign secretary through Calderón's sexenio, ended 30 November 2012.
    t("Patricia Espinosa", FM, "MX", "2006-12-01", Until("2012-11-30")),
    // La Jornada (8 January 1998): named the day before; El País (25 November 2017): the last
    // three years of Zedillo's administration, which ended 30 November 2000.
    t("Rosario Green", FM, "MX", "1998-01-07", Until("2000-11-30")),
    // Estadão (8 January 2003): took office the day Fox did; fox.presidencia.gob.mx and El Siglo de
    // Torreón: resignation made effective on Friday 10 January 2003.
    t("Jorge Castañeda", FM, "MX", "2000-12-01", Until("2003-01-10")),
    // fox.presidencia.gob.mx (named 10 January 2003); El País (16 January 2003): took up his duties
    // the day before; La Jornada (8 November 2006): still foreign secretary, last day not found.
    t("Luis Ernesto Derbez", FM, "MX", "2003-01-10..2003-01-15", Until("2006-11-08..")),
    // Argentina
    // Última Hora (10 December 2007): sworn in that day; El Destape (9 December 2015): her term
    // ends at midnight that night by Judge Servini de Cubría's ruling.
    t("Cristina Fernández de Kirchner", HOS, "AR", "2007-12-10", Until("2015-12-09")),
    // United Nations
    // un.org/sg "Appointment process": Guterres took office on 1 January 2017.
    t("António Guterres", UNSG, "UN", "2017-01-01", Open),
    // britannica.com "secretary-general": Jan. 1, 2007 – Dec. 31, 2016.
    t("Ban Ki-moon", UNSG, "UN", "2007-01-01", Until("2016-12-31")),
    // britannica.com "secretary-general": Jan. 1, 1997 – Dec. 31, 2006.
    t("Kofi Annan", UNSG, "UN", "1997-01-01", Until("2006-12-31")),
    // European Union
    // simple.wikipedia.org "High Representative ...": 18 October 1999 – 1 December 2009.
    t("Javier Solana", EUHR, "EU", "1999-10-18", Until("2009-12-01")),
    // same list: 1 December 2009 – 1 November 2014.
    t("Catherine Ashton", EUHR, "EU", "2009-12-01", Until("2014-11-01")),
    // same list: 1 November 2014 – 30 November 2019.
    t("Federica Mogherini", EUHR, "EU", "2014-11-01", Until("2019-11-30")),
    // same list (from 1 December 2019); en.wikipedia.org: Kallas incumbent since 1 December 2024.
    t("Josep Borrell", EUHR, "EU", "2019-12-01", Until("2024-11-30")),
    // en.wikipedia.org "High Representative of the Union for Foreign Affairs and Security Policy".
    t("Kaja Kallas", EUHR, "EU", "2024-12-01", Open),
];

/// One verified meeting: the `phrase` copy uses for its series, the city, and the dates.
struct Meeting {
    phrase: &'static str,
    place: &'static str,
    country: &'static str,
    start: &'static str,
    end: &'static str,
}

const fn m(
    phrase: &'static str,
    place: &'static str,
    country: &'static str,
    start: &'static str,
    end: &'static str,
) -> Meeting {
    Meeting {
        phrase,
        place,
        country,
        start,
        end,
    }
}

#[rustfmt::skip]
const MEETINGS: &[Meeting] = &[
    // en.wikipedia.org "45th G7 summit": 24–26 August 2019, Biarritz.
    m("G7 summit", "Biarritz", "FR", "2019-08-24", "2019-08-26"),
    // Wikipedia "44th G7 summit" (pipiwiki copy); kitchenerpost.ca: 8–9 June 2018, La Malbaie, Charlevoix.
    m("G7 summit", "Charlevoix", "CA", "2018-06-08", "2018-06-09"),
    // Wikipedia "49th G7 summit" (explained.today copy): 19–21 May 2023, Hiroshima.
    m("G7 summit", "Hiroshima", "JP", "2023-05-19", "2023-05-21"),
    // en.wikipedia.org "2019 G20 Osaka summit"; tass.com/world/1066048: 28–29 June 2019.
    m("G20 summit", "Osaka", "JP", "2019-06-28", "2019-06-29"),
    // wikimili/howlingpixel "2016 G20 Hangzhou summit": 4–5 September 2016 (see events.toml).
    m("G20 summit", "Hangzhou", "CN", "2016-09-04", "2016-09-05"),
    // ga.de and kontrapunkt.de (G20 Bonn reports): Hamburg summit on 7 and 8 July 2017.
    m("G20 summit", "Hamburg", "DE", "2017-07-07", "2017-07-08"),
    // mfa.gov.tr (21 November 2019): G20 Foreign Ministers' Meeting in Nagoya on 22 and 23 November 2019.
    m("G20 Foreign Ministers' meeting", "Nagoya", "JP", "2019-11-22", "2019-11-23"),
    // uk.diplo.de (16 February 2017): G20 Foreign Ministers Meeting in Bonn on 16 and 17 February.
    m("G20 Foreign Ministers' meeting", "Bonn", "DE", "2017-02-16", "2017-02-17"),
    // elysee.fr "Conclusions of the G7 Foreign Ministers' meeting": Dinard and Saint-Malo, 5 and 6 April 2019.
    m("G7 Foreign Ministers' Meeting", "Dinard", "FR", "2019-04-05", "2019-04-06"),
    // mofa.go.jp "G7 Foreign Ministers' Meeting in Karuizawa": Sunday 16 April – Tuesday 18 April 2023.
    m("G7 Foreign Ministers' Meeting", "Karuizawa", "JP", "2023-04-16", "2023-04-18"),
    // state.gov transcript (worldjpn.net, un.org/unispal): G-8 ministerial press conference, Washington DC, 14 May 2004.
    m("G8 Foreign Ministers' Meeting", "Washington, D.C.", "US", "2004-05-14", "2004-05-14"),
    // g7.utoronto.ca Canadian Chair's Statement: G8 foreign ministers met in Gatineau, March 29-30, 2010.
    m("G8 Foreign Ministers' Meeting", "Gatineau", "CA", "2010-03-29", "2010-03-30"),
    // Merkur (pledgetimes copy): Münster, November 3rd and 4th; DW and radioq.de, 3 Nov 2022: two-day meeting opens.
    m("G7 Foreign Ministers' Meeting", "Münster", "DE", "2022-11-03", "2022-11-04"),
    // Wikipedia "9th BRICS summit" (conceptmap copy); app.com.pk: 3–5 September 2017, Xiamen.
    m("BRICS summit", "Xiamen", "CN", "2017-09-03", "2017-09-05"),
    // en.wikipedia.org "16th BRICS summit"; sputnikglobe.com live updates: 22–24 October 2024, Kazan.
    m("BRICS summit", "Kazan", "RU", "2024-10-22", "2024-10-24"),
    // voltairenet.org (Qingdao Declaration); en.wikipedia.org "2018 Qingdao SCO summit": 9–10 June 2018.
    m("SCO summit", "Qingdao", "CN", "2018-06-09", "2018-06-10"),
    // kremlin.ru joint communiqué; worldjpn.net: Council of Heads of State met on 28 August 2008 in Dushanbe.
    m("SCO summit", "Dushanbe", "TJ", "2008-08-28", "2008-08-28"),
    // pacforum.org PacNet #49; chinadaily.com.cn (13 Nov 2005): Economic Leaders' Meeting in Busan, Nov. 18-19.
    m("APEC summit", "Busan", "KR", "2005-11-18", "2005-11-19"),
    // windowstorussia.com, republika.co.id: official part September 8-9; baoapbac.vn: closed 9 September 2012.
    m("APEC summit", "Vladivostok", "RU", "2012-09-08", "2012-09-09"),
    // dw.com (7 Oct 2013): two-day summit opens in Bali on Monday; chinadaily.com.cn (8 Oct 2013).
    m("APEC summit", "Bali", "ID", "2013-10-07", "2013-10-08"),
    // chinadaily.com.cn / Xinhua (30 Sep 2014): 22nd Economic Leaders' Meeting in Beijing from Nov 10 to 11.
    m("APEC summit", "Beijing", "CN", "2014-11-10", "2014-11-11"),
    // globaltimes.cn "Backgrounder: APEC Economic Leaders' Meeting"; vietnamplus.vn: Da Nang, 10–11 November 2017.
    m("APEC summit", "Da Nang", "VN", "2017-11-10", "2017-11-11"),
    // en.vietnamplus.vn (141729): 26th AELM at Port Moresby, 17–18 November 2018.
    m("APEC summit", "Port Moresby", "PG", "2018-11-17", "2018-11-18"),
    // worldjpn.net chairman's statement (MOFA Japan); asean2019.go.th: 14th EAS, Bangkok, 4 November 2019.
    m("East Asia Summit", "Bangkok", "TH", "2019-11-04", "2019-11-04"),
    // Viet Nam MOFA (southchinaseanews.net): 15th EAS chaired via video conference on 14 November 2020.
    m("East Asia Summit", "virtual", "VN", "2020-11-14", "2020-11-14"),
    // tass.com/world/1535791 (13 Nov 2022): the East Asia Summit kicked off in Phnom Penh on Sunday.
    m("East Asia Summit", "Phnom Penh", "KH", "2022-11-13", "2022-11-13"),
    // dw.com (1 Feb 2002): 38th conference this weekend, 1.-3.2.; blaetter.de: three days (see events.toml).
    m("Munich Security Conference", "Munich", "DE", "2002-02-01", "2002-02-03"),
    // acronym.org.uk (Disarmament Documentation 0402): Munich Conference on Security Policy, February 6 - 8 (2004).
    m("Munich Security Conference", "Munich", "DE", "2004-02-06", "2004-02-08"),
    // US Consulate Munich cable 06MUNICH114: the February 3-5 42nd Munich Conference on Security Policy.
    m("Munich Security Conference", "Munich", "DE", "2006-02-03", "2006-02-05"),
    // exklusiv-muenchen.de: Friday 5 to Sunday 7 February 2010; samuidevelopment.com (5 Feb 2010): until Sunday.
    m("Munich Security Conference", "Munich", "DE", "2010-02-05", "2010-02-07"),
    // en.wikipedia.org "54th Munich Security Conference": 16 to 18 February 2018.
    m("Munich Security Conference", "Munich", "DE", "2018-02-16", "2018-02-18"),
    // en.wikipedia.org "55th Munich Security Conference": 15 to 17 February 2019.
    m("Munich Security Conference", "Munich", "DE", "2019-02-15", "2019-02-17"),
    // ungarnpanorama (56th MSC, February 14 to 16); vovworld.vn (14.–16. Februar 2020).
    m("Munich Security Conference", "Munich", "DE", "2020-02-14", "2020-02-16"),
    // TASS via brics-info.org: first Eastern Economic Forum in Vladivostok from September 3 to 5 (2015).
    m("Eastern Economic Forum", "Vladivostok", "RU", "2015-09-03", "2015-09-05"),
    // en.forexdata.info "Eastern Economic Forum 11-13 September 2018".
    m("Eastern Economic Forum", "Vladivostok", "RU", "2018-09-11", "2018-09-13"),
    // sputniknews.com (4 September 2019): fifth EEF opens Wednesday, runs until 6 September.
    m("Eastern Economic Forum", "Vladivostok", "RU", "2019-09-04", "2019-09-06"),
    // forumvostok.ru (5 September 2023); tass.com/economy/1672415: 10–13 September 2023 (see events.toml).
    m("Eastern Economic Forum", "Vladivostok", "RU", "2023-09-10", "2023-09-13"),
    // 1prime.ru (3 September 2025): tenth EEF, 3–6 September.
    m("Eastern Economic Forum", "Vladivostok", "RU", "2025-09-03", "2025-09-06"),
    // UNIS/GA/1692 (opened 12 September 2000); People's Daily (to conclude September 22); A/55/PV.28 (22 September).
    m("UN General Assembly", "New York", "US", "2000-09-12", "2000-09-22"),
    // press.un.org GA/10044 (opened 12 September 2002); un.org: Kavan's concluding remarks, 20 September 2002.
    m("UN General Assembly", "New York", "US", "2002-09-12", "2002-09-20"),
    // UN GA/SM/358 (opened 17 September 2005) and GA/SM/359 (closed Friday 23 September).
    m("UN General Assembly", "New York", "US", "2005-09-17", "2005-09-23"),
    // un.org GA press kit (beginning Tuesday 19 September 2006); UNIS GA/10509 (wrapped up 27 September).
    m("UN General Assembly", "New York", "US", "2006-09-19", "2006-09-27"),
    // en.wikipedia.org general debate of the 63rd session: 23-29 September 2008; un.org PGA closing statement, 29 September.
    m("UN General Assembly", "New York", "US", "2008-09-23", "2008-09-29"),
    // news.un.org special coverage; un.int (DGACM): general debate 24 to 30 September 2019.
    m("UN General Assembly", "New York", "US", "2019-09-24", "2019-09-30"),
];

/// One verified outlet: the names that must find it, what it is, and the hosts and dateline
/// marks seen in its own copy or pages.
struct Publisher {
    names: &'static [&'static str],
    canonical: &'static str,
    kind: &'static str,
    country: &'static str,
    hosts: &'static [&'static str],
    /// Dateline or credit fragments as they appear in the outlet's copy.
    marks: &'static [&'static str],
}

#[rustfmt::skip]
const PUBLISHERS: &[Publisher] = &[
    // en.wikipedia.org "TASS" (Russian state news agency, Moscow, tass.com; ITAR-TASS 1992–2014);
    // tass.com/economy/1672415 dateline.
    Publisher { names: &["TASS", "ITAR-TASS", "Russian News Agency TASS"], canonical: "TASS", kind: "agency", country: "RU",
        hosts: &["tass.com", "www.tass.com"], marks: &["VLADIVOSTOK, September 11. /TASS/. Russian President"] },
    // wiki.kidzsearch.com "Reuters" (British news agency, London, reuters.com); britannica.com credit "(Reuters)".
    Publisher { names: &["Reuters"], canonical: "Reuters", kind: "agency", country: "GB",
        hosts: &["reuters.com"], marks: &["Kyodo says Mar. 20, 2025 (Reuters)"] },
    // Wikipedia "Associated Press" (theinfolist copy: American news agency, New York); thestar.com AP dateline.
    Publisher { names: &["Associated Press", "The Associated Press"], canonical: "Associated Press", kind: "agency", country: "US",
        hosts: &[], marks: &["MEXICO CITY (AP) — Mexico's president"] },
    // en.wikipedia.org "Agence France-Presse" (Paris); blogs.afp.com; squidthefuse.com AFP video captions.
    Publisher { names: &["Agence France-Presse", "AFP"], canonical: "Agence France-Presse", kind: "agency", country: "FR",
        hosts: &["blogs.afp.com"], marks: &["Paris (AFP) – All eyes"] },
    // kyodonews.jp "What's Kyodo?" (news agency founded November 1945, Tokyo).
    Publisher { names: &["Kyodo News", "Kyodo"], canonical: "Kyodo News", kind: "agency", country: "JP",
        hosts: &["www.kyodonews.jp"], marks: &[] },
    // en.m.wikipedia.org "Jiji Press" (news agency, Tokyo; jiji.com); nippon.com and adnkronos datelines.
    Publisher { names: &["Jiji Press", "Jiji"], canonical: "Jiji Press", kind: "agency", country: "JP",
        hosts: &["www.jiji.com"], marks: &["Tokyo, Jan. 21 (Jiji Press)--Japanese"] },
    // howlingpixel "Xinhua News Agency" (state press agency, Beijing; Xinhuanet its online service); xinhuanet.com dateline.
    Publisher { names: &["Xinhua News Agency", "Xinhua", "New China News Agency"], canonical: "Xinhua News Agency", kind: "agency", country: "CN",
        hosts: &["www.xinhuanet.com"], marks: &["BONN, Germany, Feb. 16 (Xinhua) -- Foreign ministers"] },
    // en.wikipedia.org "Yonhap News Agency" (Seoul); en.yna.co.kr and english.yonhapnews.co.kr summaries.
    Publisher { names: &["Yonhap News Agency", "Yonhap"], canonical: "Yonhap News Agency", kind: "agency", country: "KR",
        hosts: &["en.yna.co.kr", "english.yonhapnews.co.kr"], marks: &[] },
    // en.wikipedia.org "Sputnik (news agency)" (Russian state-owned, sputnikglobe.com); sputniknews.com dateline.
    Publisher { names: &["Sputnik"], canonical: "Sputnik", kind: "agency", country: "RU",
        hosts: &["sputnikglobe.com", "sputniknews.com"], marks: &["VLADIVOSTOK (Sputnik) - The fifth"] },
    // Wikipedia "NHK" (Japan Broadcasting Corporation, public broadcaster); www3.nhk.or.jp/nhkworld links.
    Publisher { names: &["NHK", "Japan Broadcasting Corporation"], canonical: "NHK", kind: "broadcaster", country: "JP",
        hosts: &["www3.nhk.or.jp"], marks: &[] },
];

/// A verified boundary as the row writes it: a day, a month (`2005-07`) or a year (`2005`).
fn boundary(s: &str) -> Boundary {
    let parsed = match s.split_once("..") {
        Some((earliest, latest)) => {
            let side = |d: &str| (!d.is_empty()).then(|| day(d));
            Boundary::between(side(earliest), side(latest))
        }
        None => s.parse(),
    };
    parsed.unwrap_or_else(|e| panic!("bad boundary {s:?}: {e}"))
}

fn check_tenure(kb: &Knowledge, row: &Tenure) -> Result<(), String> {
    let Some(p) = kb.person_by_name(row.name) else {
        return Err("no person by that name".into());
    };
    let person = &kb.people[p];
    let start = boundary(row.start);
    let mine: Vec<_> = person
        .offices
        .iter()
        .filter(|o| o.office == row.office && o.country == row.country)
        .collect();
    let Some(tenure) = mine.iter().find(|o| o.start == start) else {
        let have: Vec<String> = mine
            .iter()
            .map(|o| format!("{}..{:?}", o.start, o.end.map(|e| e.to_string())))
            .collect();
        return Err(format!("no tenure starting {start}; the data has {have:?}"));
    };
    // Certainly a holder from the latest day the start can be; not even possibly one the day
    // before its earliest (unless another of the person's tenures covers that day).
    let holds = |d: NaiveDate| kb.holders(row.office, row.country, d).contains(&p);
    let may_hold =
        |d: NaiveDate| holds(d) || kb.possible_holders(row.office, row.country, d).contains(&p);
    if !holds(start.latest()) {
        return Err(format!("not among holders on {}", start.latest()));
    }
    // (A start with no known earliest day has no "day before" to check.)
    if let Some(before) = start
        .known_earliest()
        .and_then(|d| d.checked_sub_days(Days::new(1)))
    {
        if may_hold(before) && !mine.iter().any(|o| o.start != start && o.may_cover(before)) {
            return Err(format!("already a holder on {before}"));
        }
    }
    match row.end {
        Until(end) => {
            let end = boundary(end);
            if tenure.end != Some(end) {
                return Err(format!(
                    "end is {:?}, verified {end}",
                    tenure.end.map(|e| e.to_string())
                ));
            }
            if !holds(end.earliest()) {
                return Err(format!(
                    "not among holders on the last day {}",
                    end.earliest()
                ));
            }
            // An end known only from below leaves the holder possibly in office ever after,
            // but never certainly.
            match end
                .known_latest()
                .and_then(|d| d.checked_add_days(Days::new(1)))
            {
                Some(after) => {
                    if may_hold(after)
                        && !mine.iter().any(|o| o.start != start && o.may_cover(after))
                    {
                        return Err(format!("still a holder on {after}"));
                    }
                }
                None => {
                    let later = end.earliest() + Days::new(1);
                    if holds(later) && !mine.iter().any(|o| o.start != start && o.covers(later)) {
                        return Err(format!("certainly still a holder on {later}"));
                    }
                }
            }
        }
        Open => {
            if tenure.end.is_some() {
                return Err(format!(
                    "ends {:?}, verified still in office",
                    tenure.end.map(|e| e.to_string())
                ));
            }
        }
        Unchecked => {}
    }
    Ok(())
}

fn check_meeting(kb: &Knowledge, row: &Meeting) -> Result<(), String> {
    let (start, end) = (day(row.start), day(row.end));
    let year = start.year();
    let text = format!(
        "Ministers spoke at the {} in {} in {year}.",
        row.phrase, row.place
    );
    let found = kb.find_events(&text);
    let Some(mention) = found.first() else {
        return Err(format!("no series found in {text:?}"));
    };
    if !mention.place_matched {
        return Err(format!(
            "place {:?} did not narrow the candidates",
            row.place
        ));
    }
    let same_year: Vec<usize> = mention
        .candidates
        .iter()
        .copied()
        .filter(|&e| kb.events[e].start.year() == year)
        .collect();
    let &[e] = &same_year[..] else {
        return Err(format!(
            "{} candidates in {year}: {:?}",
            same_year.len(),
            same_year
                .iter()
                .map(|&e| &kb.events[e].id)
                .collect::<Vec<_>>()
        ));
    };
    let event = &kb.events[e];
    if (event.start, event.last_day()) != (start, end) {
        return Err(format!(
            "{} runs {}..{}, verified {start}..{end}",
            event.id,
            event.start,
            event.last_day()
        ));
    }
    if event.country != row.country {
        return Err(format!(
            "{} is in {}, verified {}",
            event.id, event.country, row.country
        ));
    }
    if !kb.events_matching(row.place).contains(&e) {
        return Err(format!(
            "{} not listed by events_matching({:?})",
            event.id, row.place
        ));
    }
    Ok(())
}

fn check_publisher(kb: &Knowledge, row: &Publisher) -> Result<(), String> {
    let Some(id) = kb.outlet_by_name(row.names[0]) else {
        return Err("no outlet by that name".into());
    };
    let outlet = &kb.outlets[id];
    for name in row.names {
        if kb.outlet_by_name(name) != Some(id) {
            return Err(format!("{name:?} does not name {}", outlet.id));
        }
    }
    if (
        outlet.name.as_str(),
        outlet.kind.as_str(),
        outlet.country.as_str(),
    ) != (row.canonical, row.kind, row.country)
    {
        return Err(format!(
            "is {:?}/{}/{}, verified {:?}/{}/{}",
            outlet.name, outlet.kind, outlet.country, row.canonical, row.kind, row.country
        ));
    }
    for host in row.hosts {
        if kb.outlet_by_host(host) != Some(id) {
            return Err(format!("host {host} does not lead to {}", outlet.id));
        }
    }
    for text in row.marks {
        let marks = kb.find_outlet_marks(text);
        if marks.first().map(|m| m.0) != Some(id) {
            return Err(format!("no mark of {} found in {text:?}", outlet.id));
        }
    }
    Ok(())
}

#[test]
fn verified_tenures_match_the_data() {
    let kb = Knowledge::builtin();
    let failures: Vec<String> = TENURES
        .iter()
        .filter_map(|row| {
            check_tenure(kb, row).err().map(|e| {
                format!(
                    "{} ({} {}, from {}): {e}",
                    row.name, row.country, row.office, row.start
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} tenure rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn verified_meetings_match_the_data() {
    let kb = Knowledge::builtin();
    let failures: Vec<String> = MEETINGS
        .iter()
        .filter_map(|row| {
            check_meeting(kb, row)
                .err()
                .map(|e| format!("{} in {} ({}): {e}", row.phrase, row.place, row.start))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} meeting rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn verified_outlets_match_the_data() {
    let kb = Knowledge::builtin();
    let failures: Vec<String> = PUBLISHERS
        .iter()
        .filter_map(|row| {
            check_publisher(kb, row)
                .err()
                .map(|e| format!("{}: {e}", row.canonical))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} outlet rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_sample_is_large_and_spread_out() {
    let rows = TENURES.len() + MEETINGS.len() + PUBLISHERS.len();
    assert!(rows >= 60, "only {rows} verified rows");
    assert!(TENURES.len() >= 30, "only {} tenure rows", TENURES.len());
    assert!(MEETINGS.len() >= 20, "only {} meeting rows", MEETINGS.len());
    assert!(
        PUBLISHERS.len() >= 8,
        "only {} outlet rows",
        PUBLISHERS.len()
    );

    let countries: BTreeSet<&str> = TENURES
        .iter()
        .map(|r| r.country)
        .chain(MEETINGS.iter().map(|r| r.country))
        .chain(PUBLISHERS.iter().map(|r| r.country))
        .collect();
    assert!(
        countries.len() >= 12,
        "only {} countries: {countries:?}",
        countries.len()
    );
    let tenure_countries: BTreeSet<&str> = TENURES.iter().map(|r| r.country).collect();
    assert!(
        tenure_countries.len() >= 12,
        "tenures cover only {tenure_countries:?}"
    );
    for body in ["UN", "EU"] {
        assert!(tenure_countries.contains(body), "no tenure of the {body}");
    }
    let series: BTreeSet<&str> = MEETINGS.iter().map(|r| r.phrase).collect();
    assert!(series.len() >= 10, "meetings cover only {series:?}");
}
