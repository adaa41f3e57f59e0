package extract

import (
	"slices"
	"testing"
)

// Sentences of our own, one habit of the archive each: a name after a title,
// a leader who is not Vietnamese (found from the title, not from a list), and
// places, bodies and titles that read like names but are no people.
var personCases = []struct {
	lang, text string
	want       []string // the person spans, in order; nil: none
}{
	// titles and word order, Latin
	{"cs", "Generální tajemník To Lam přijal velvyslance.", []string{"To Lam"}},
	{"cs", "Projev Tổng Bí thư Tô Lâm na zasedání", []string{"Tô Lâm"}},
	{"pl", "Sekretarz Generalny To Lam spotkał się z premierem.", []string{"To Lam"}},
	{"hu", "Pham Minh Chinh miniszterelnök Hanoiban fogadta a küldöttséget.", []string{"Pham Minh Chinh"}},
	{"id", "Ketua Majelis Nasional Tran Thanh Man membuka sidang.", []string{"Tran Thanh Man"}},
	{"ms", "Perdana Menteri Anwar Ibrahim bertemu Presiden Luong Cuong.", []string{"Anwar Ibrahim", "Luong Cuong"}},
	{"nl", "Premier Pham Minh Chinh bezocht Ho Chi Minhstad en de provincie Dong Thap.", []string{"Pham Minh Chinh"}},
	{"no", "Kamerat Y Thanh Ha Nie Kdam, sekretær for partikomiteen, talte.", []string{"Y Thanh Ha Nie Kdam"}},
	{"no", "Delegater fra Dak Lak, Dong Nai og Ho Chi Minh-byen deltok.", nil},
	{"pt", "O Presidente Emmanuel Macron recebeu o Primeiro-Ministro Pham Minh Chinh.", []string{"Emmanuel Macron", "Pham Minh Chinh"}},
	{"ro", "Președintele Luong Cuong s-a întâlnit cu prim-ministrul Hun Manet.", []string{"Luong Cuong", "Hun Manet"}},
	{"sv", "Statsminister Pham Minh Chinh och ordförande Tran Thanh Man i Ha Tinh.", []string{"Pham Minh Chinh", "Tran Thanh Man"}},
	{"tr", "Başbakan Pham Minh Chinh, Ho Chi Minh şehri ziyaret etti.", []string{"Pham Minh Chinh"}},
	{"nl", "bouwproject van het industriepark Lam Son - Sao Vang.", nil},
	{"es", "el Secretario Adjunto Permanente del Comité, Nguyen Van Nen", []string{"Nguyen Van Nen"}},
	{"id", "Ketua Majelis Nasional, Presiden Joko Widodo dan Menteri Retno Marsudi hadir.", []string{"Joko Widodo", "Retno Marsudi"}},
	{"pt", "O Presidente da República Socialista visitou Hanoi.", nil},
	{"id", "di kecamatan Hoang Hoa dan jalan Tran Phu", nil},
	{"id", "Duta Besar Luar Biasa dan Berkuasa Penuh untuk Laos", nil},
	{"ms", "di kawasan monumen N'Trang Long, wad Nghia Duc", []string{"N'Trang Long"}},
	{"en", "Ms. H'Hen Nie spoke; the rock'n'roll Band", []string{"H'Hen Nie"}},
	{"fa", "عکس: توان آنه", []string{"توان آنه"}},
	// Arabic: a preposition glued before a name or standing after it is no part of it
	{"ar", "وأشار الأمين العام تو لام مع المندوبين إلى أفكار لفان بوي تشاو", []string{"تو لام", "فان بوي تشاو"}},
	{"ar", "أعرب الرئيس لونغ كونغ عن شكره", []string{"لونغ كونغ"}},
	// the last word of a name given in full, alone after a title
	{"nl", "Secretaris-generaal To Lam opende de zitting. Volgens secretaris-generaal Lam is de Lam Son-zaal klaar.", []string{"To Lam", "Lam"}},
	{"en", "President Luong Cuong arrived. President Cuong said so.", []string{"Luong Cuong", "Cuong"}},
	{"he", "המזכיר הכללי טו לאם פתח. מזכיר כללי לאם הדגיש", []string{"טו לאם", "לאם"}},
	// a name that starts with a number word of the language (Norwegian to: two)
	{"no", "Generalsekretær To Lam talte om to saker.", []string{"To Lam"}},
	// a body between the title and a foreign name; a nationality; a verb after a name; places in Persian
	{"cs", "Předseda Národního shromáždění Esteban Lazo vyjádřil solidaritu.", []string{"Esteban Lazo"}},
	{"en", "President Rustam Minnikhanov and Ambassador Rusdi Kirana met Minister Ruslan Edelgeriyev.", []string{"Rustam Minnikhanov", "Rusdi Kirana", "Ruslan Edelgeriyev"}},
	{"he", "ראש הממשלה פאם מין צ'ין נואם במושב הדיון.", []string{"פאם מין צ'ין"}},
	{"fa", "در کمون نگوین جیاپ و ناحیه تو کی، رئیس جمهور هوشی مین", []string{"هوشی مین"}},
	// a city word, the city, then a name; a state body, its country, then a name
	{"ar", "نائب رئيس لجنة الشعب في مدينة هوشي منه نجوين فان دونج؛ نائب", []string{"نجوين فان دونج"}},
	{"pl", "przyjął przewodniczącego Dumy Państwowej Rosji Wiaczesława Wołodina oraz", []string{"Wiaczesława Wołodina"}},
	{"pl", "przewodniczącego Dumy Państwowej Federacji Rosyjskiej Wiaczesława Wołodina oraz", []string{"Wiaczesława Wołodina"}},
	// "that" after a name; a ministry after a title; a nationality before a foreign name
	{"ar", "وقال هوانغ مينه سون أن المشروع مهم", []string{"هوانغ مينه سون"}},
	{"ro", "s-a întâlnit cu ministrul Afacerilor Externe al Marii Britanii.", nil},
	{"pt", "recebeu o presidente finlandês Alexander Stubb em Hanói.", []string{"Alexander Stubb"}},
	// a compound ending with a title; a kingdom is a country; Thai "photo by"
	{"sv", "biträdande utvecklingsminister Stavros Kalafatis och", []string{"Stavros Kalafatis"}},
	{"uk", "з офіційним візитом до Сполученого Королівства Великої Британії та Північної Ірландії", nil},
	{"ro", "ministrul Minorităților Etnice și Religiilor, Dao Ngoc Dung", []string{"Dao Ngoc Dung"}},
	// places: a commune word after the name, a village in brackets with its city, a glued Khmer commune word
	{"bn", "প্রধানমন্ত্রী ফাম মিন চিন হ্যানয় শহরের দং আন কমিউনের জাতীয় প্রদর্শনী", []string{"ফাম মিন চিন"}},
	{"el", "του Βιετνάμ (Ντονγκ Μο, Ανόι), πραγματοποιήθηκε", nil},
	{"km", "ផ្លូវជាតិលេខ ៧ ជាមួយឃុំ Luong Minh (ចាស់)។", nil},
	// but an Arabic word for the city with its clitics is no place word glued to a name
	{"ar", "ورئيس لجنة الشعب بالمدينة تران فان نام؛ وأعضاء", []string{"تران فان نام"}},
	{"tr", "Dışişleri Bakan Yardımcısı Seema Malhotra ve Büyükelçi", []string{"Seema Malhotra"}},
	{"el", "ο Υπουργός Δημόσιας Ασφάλειας και ο Πρωθυπουργός", nil},
	{"it", "Il Vice Primo Ministro Tran Hong Ha ha presieduto; il Presidente ha sottolineato", []string{"Tran Hong Ha"}},
	{"ar", "ترأس رئيس الوزراء فام من تشينه الاجتماع", []string{"فام من تشينه"}},
	// a final ب is -p; a four-word name ending with the Ho of Ho Chi Minh City is three words
	{"ar", "وحضر السيد فام فان لاب، رئيس اللجنة", []string{"فام فان لاب"}},
	{"bn", "সম্পাদক ট্রান লু কোয়াং হো চি মিন সিটি পার্টি কমিটির", []string{"ট্রান লু কোয়াং"}},
	// a Hebrew prefix letter before a number is no part of a name (a province's name after מחוז is a place)
	{"he", "פגישה עם מחוז דין ביין ב-3 באוגוסט", nil},
	{"he", "החבר האו א לן, שר", []string{"האו א לן"}},
	// a Hebrew name whose last word ends with a geresh
	{"he", "מר וו נגוק טאצ', יו\"ר הוועדה", []string{"וו נגוק טאצ'"}},
	// names in cased scripts are capitalised: the Greek article τον (Tôn) is no part of one
	{"el", "Σύμφωνα με τον Το Λαμ, αυτό είναι σημαντικό.", []string{"Το Λαμ"}},
	// Arabic ج and ف for g and v (دونج Duong, نجو Ngo, فو Vu), Russian Хюинь (Huynh)
	{"ar", "رئيس لجنة التنظيم المركزية؛ دونج ثانه بينه، عضو اللجنة، والرفاق: نجو دونج هاي؛ نائب وزير المالية فو ثانه هونغ", []string{"دونج ثانه بينه", "نجو دونج هاي", "فو ثانه هونغ"}},
	{"ru", "На встрече присутствовала Хюинь Тхи Ханг.", []string{"Хюинь Тхи Ханг"}},
	// photo credits: "photo by", the Khmer colon, a given name first, an agency after
	{"th", "ไปยังตลาดสหภาพยุโรป – ภาพโดย: QUANG DINH", []string{"QUANG DINH"}},
	{"km", "ក្រោយការចរចា។ រូបថត៖ Hai Nguyen", []string{"Hai Nguyen"}},
	// photo credits in the article's script
	{"ar", "المندوبون في الاجتماع. (الصورة: دانج كوا)", []string{"دانج كوا"}},
	{"hi", "महासचिव चुने गए। (फोटो: तुआन आन्ह)", []string{"तुआन आन्ह"}},
	{"en", "on Tran Phu Street in Hoang Tien commune", nil},
	// a name in brackets after a commune or district is the unit it lies in
	{"en", "the ceremony in Quang Phu commune (Hoang Khanh) was held", nil},
	{"fr", "dans le district de Dan Phuong (Ha Noi), M. Nguyen Van Binh a parlé", []string{"Nguyen Van Binh"}},
	{"hu", "a Hoan Kiem kerület és Dong Thap tartomány vezetői", nil},
	// a word for city before the name, with or without "of"
	{"es", "El camarada Nguyen Van Nen, secretario del Comité del Partido de Ciudad Ho Chi Minh, asistió.", []string{"Nguyen Van Nen"}},
	{"pt", "O secretário do Partido da Cidade de Ho Chi Minh discursou.", nil},
	{"fr", "Le Comité populaire de la ville de Hô Chi Minh a annoncé.", nil},
	// a country between the title and a foreign leader's name is no part of it
	{"id", "Perdana Menteri Laos Sonexay Siphandone tiba di Hanoi.", []string{"Sonexay Siphandone"}},
	{"pl", "Prezydent spotkał się z prezydentem Chile Gabrielem Boricem.", []string{"Gabrielem Boricem"}},
	{"uk", "Прем'єр-міністр Камбоджі Хун Манет прибув до Ханоя.", []string{"Хун Манет"}},
	// a country or a nationality between the title and the name, and a comma
	{"ro", "Au participat președintele american, Joe Biden, și prim-ministrul australian, Anthony Albanese.", []string{"Joe Biden", "Anthony Albanese"}},
	{"pt", "O presidente egípcio Abdel Fattah Al Sisi recebeu o primeiro-ministro.", []string{"Abdel Fattah Al Sisi"}},
	{"ro", "Mesajul președintelui Statelor Unite a fost citit.", nil},
	{"id", "Ketua Parlemen Mongolia Dashzegve Amarbayasgalan tiba di Hanoi.", []string{"Dashzegve Amarbayasgalan"}},
	{"ms", "Presiden Luong Cuong dan Sultan Haji Hassanal Bolkiah menyaksikan.", []string{"Luong Cuong", "Hassanal Bolkiah"}},
	{"pl", "spotkał się z przewodniczącym Dumy Państwowej Federacji Rosyjskiej.", nil},
	// a double family name joined by a hyphen
	{"en", "General Secretary To Lam met Cuban President Miguel Díaz-Canel in Havana.", []string{"To Lam", "Miguel Díaz-Canel"}},
	{"uk", "зустрівся з президентом Кубы Мігелем Діас-Канелем.", []string{"Мігелем Діас-Канелем"}},
	// Cyrillic spellings of Bui, Luong, Cuong: й and ы
	{"ru", "Вице-премьер Буй Тхань Шон и президент Лыонг Кыонг.", []string{"Буй Тхань Шон", "Лыонг Кыонг"}},
	// places in other scripts, by key or skeleton, with or without a word for province
	{"ru", "Донг Тхап и Ха Тинь приняли делегацию", nil},
	{"ru", "в посёлке (коммуна Луонг Выонг, город Хайфон) и в районе Зя Лам", nil},
	{"ar", "في بلدية هوانغ تيين ومقاطعة دونغ ثاب التقى الرفيقة فو ثي آنه شوان", []string{"فو ثي آنه شوان"}},
	{"he", "ראש מחוז דונג טאפ ביקר בהא טין", nil},
	{"fa", "هیئتی از دونگ تاپ و ها تین", nil},
	{"hi", "डोंग थाप प्रांत और हा तिन्ह में", nil},
	// Greek and Cyrillic: capitals mark names; a final -nh is written νχ
	{"el", "ο Πρωθυπουργός Φαμ Μινχ Τσινχ και ο Πρόεδρος Τραν Τανχ Μαν", []string{"Φαμ Μινχ Τσινχ", "Τραν Τανχ Μαν"}},
	{"el", "ο Πρόεδρος Εμανουέλ Μακρόν συναντήθηκε", []string{"Εμανουέλ Μακρόν"}},
	{"el", "ο Πρόεδρος Λουόνγκ Κουόνγκ και ο σύντροφος Νγκουγιέν Βαν Νεν", []string{"Λουόνγκ Κουόνγκ", "Νγκουγιέν Βαν Νεν"}},
	// photo credits: initials spelled out as letter names are no name
	{"ur", "تصویر: کیو ایچ", nil},
	{"uk", "Генеральний секретар То Лам зустрівся з президентом Емманюелем Макроном.", []string{"То Лам", "Емманюелем Макроном"}},
	{"uk", "делегація провінції Донг Тхап і міста Хошимін", nil},
	// Hebrew: Romanize reads no Hebrew; names are found through hebrewRom
	{"he", "המזכיר הכללי טו לאם נפגש עם ראש הממשלה פאם מין צ'ין.", []string{"טו לאם", "פאם מין צ'ין"}},
	{"he", "הגנרל פאן ואן ג'יאנג, חבר הפוליטביורו", []string{"פאן ואן ג'יאנג"}},
	{"he", "סגן ראש הממשלה נגוין הואה בין וראשי המשרדים", []string{"נגוין הואה בין"}},
	{"he", "יו\"ר האסיפה הלאומית טראן טאנה מאן עם מזכ\"ל האו\"ם", []string{"טראן טאנה מאן"}},
	// Hebrew particles, alone or after ו, are no part of a name; a geresh word ends one
	{"he", "הנשיא נפגש עם לואנג קואנג ועם טו לאם.", []string{"לואנג קואנג", "טו לאם"}},
	{"he", "בירך את נגוין ואן נן ואת טראן טאן מאן", []string{"נגוין ואן נן", "טראן טאן מאן"}},
	{"he", "ראש הממשלה קיבל את פאם מין צ'ין בהאנוי.", []string{"פאם מין צ'ין"}},
	// Persian: surnames as Persian spells them, particles end a name
	{"fa", "لو هوای ترونگ، دبیر کمیته مرکزی حزب؛ نگوین آنه توان، عضو کمیته", []string{"لو هوای ترونگ", "نگوین آنه توان"}},
	{"fa", "نخست وزیر فام مین چین را دید", []string{"فام مین چین"}},
	// a given name alone in Latin letters, after the full name, in an article
	// of another script: the same person (not in a Latin article, not inside
	// a longer Latin run)
	{"my", "ဗီယက်နမ်ကွန်မြူနစ်ပါတီ ဗဟိုကော်မတီ အစည်းအဝေးတွင် ပါတီက Nguyen Van Thanh ကို ရွေးချယ်ခဲ့သည်။ Thanh က ပြောသည်။", []string{"Nguyen Van Thanh", "Thanh"}},
	{"th", "นาย Le Minh Hung กล่าวว่า Hung จะเดินทางไปกรุงฮานอยในสัปดาห์หน้า", []string{"Le Minh Hung", "Hung"}},
	{"th", "นาย Nguyen Van Minh กล่าวถึงคำสอนของประธาน Ho Chi Minh ในการประชุมใหญ่", []string{"Nguyen Van Minh", "Ho Chi Minh"}},
	{"en", "Mr. Nguyen Van Thanh spoke. Thanh Hoa province sent delegates.", []string{"Nguyen Van Thanh"}},
}

func TestPeople(t *testing.T) {
	for _, c := range personCases {
		var got []string
		es := All(c.text, c.lang, People{})
		for _, e := range es {
			if e.Type == Person {
				got = append(got, e.Text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: people %q, want %q", c.lang, c.text, got, c.want)
		}
		checkSpans(t, c.text, es)
	}
}

func TestGreekRom(t *testing.T) {
	for in, want := range map[string]string{
		"νγκουγιέν": "nguyen", "τάνχ": "tanh", "τσινχ": "chinh", "λουόνγκ": "luong", "φαμ": "pham", "λαμ": "lam",
	} {
		if got := greekRom(in); got != want {
			t.Errorf("greekRom(%q) = %q, want %q", in, got, want)
		}
	}
}

// Until Romanize reads Hebrew, a Hebrew name gets its key from hebrewRom.
func TestHebrewKey(t *testing.T) {
	for in, want := range map[string]string{"טו לאם": "to lam", "טראן טאן מאן": "tran tan man", "נגוין הואה בין": "nguyen hoa bin"} {
		if got := PersonKey(in); got != want {
			t.Errorf("PersonKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHebrewRom(t *testing.T) {
	for in, want := range map[string]string{
		"נגוין": "ngoin", "טראן": "tran", "טו": "to", "לאם": "lam", "וייט": "viet",
		"טאנה": "tanh", "לה": "le", "הואה": "hoa", "ג'יאנג": "jiang", "דוק": "doc",
	} {
		if got := hebrewRom(in); got != want {
			t.Errorf("hebrewRom(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzPeople: any text, in any of the languages with person cues, gives spans
// that lie inside the text and match it, and no panic.
func FuzzPeople(f *testing.F) {
	for _, c := range personCases {
		f.Add(c.text, c.lang)
	}
	f.Add("N'", "ms")
	f.Add("ג'", "he")
	f.Add("Y Y Y Y Y Y Y Y", "no")
	f.Fuzz(func(t *testing.T, text, lang string) {
		if len(lang) > 3 {
			lang = lang[:3]
		}
		es := All(text, lang, People{})
		for _, e := range es {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End || text[e.Start:e.End] != e.Text {
				t.Fatalf("entity %+v: span does not match the text %q", e, text)
			}
		}
		_ = hebrewRom(text)
		_ = greekRom(text)
	})
}
