"""Who says each figure in a Ukrainian or Russian report.

Institutions are a table of word stems (any case form: "Донецької ОВА", "у поліції",
"Минобороны России"); people are a role before a name ("Очільник Донецької ОВА Павло
Кириленко", "радниця керівника ОП Дарина Зарівна") and are remembered by surname for later
mentions in any case ("Синєгубов повідомив", "за словами Синєгубова"). A statement is tied to
the actor next to a speech word ("написав", "повідомили в ОДА", "за даними поліції",
"заявило Минобороны"), a "Хто: ..." prefix, or "за його словами" pointing back."""

from __future__ import annotations

import bisect
import re

from mapping.extraction.actors import _PEOPLE as _PEOPLE_EN
from mapping.extraction.actors import (
    Actor,
    G,
    I,
    L,
    M,
    Mention,
    N,
    R,
    S,
    Speakers,
    head_lines,
    known_mentions,
    letterhead_body,
    slug,
    without_overlaps,
)
from mapping.extraction.text import Sentence, words_before
from mapping.model import Party
from mapping.morphology import words

_W = r"[\w'’]*"  # the rest of a word in any case form
_KNOWN: list[tuple[str, str, str, Party]] = [
    (rf"Міноборони\s+(?:РФ|Росії)|Міністерств{_W}\s+оборони\s+(?:РФ|Росії|Російськ{_W}\s+Федерації)"
     rf"|[Мм]инобороны(?:\s+(?:России|РФ))?|[Мм]инистерств{_W}\s+обороны(?:\s+(?:России|РФ|Российской\s+Федерации))?"
     rf"|(?:[Рр]оссийск{_W}|[Рр]осійськ{_W})\s+(?:министерств{_W}\s+обороны|міністерств{_W}\s+оборони"
     r"|Міноборони|Минобороны)"
     rf"|МО\s+РФ|російськ{_W}\s+відомств{_W}|российск{_W}\s+ведомств{_W}|Конашенков{_W}"
     rf"|(?:военн{_W}|оборонн{_W})\s+ведомств{_W}|(?:військов{_W}|оборонн{_W})\s+відомств{_W}",
     "russian-mod", "Міністерство оборони РФ", R),
    (rf"Кремл{_W}|Пєсков{_W}|Песков{_W}", "kremlin", "Кремль", R),
    # the foreign ministry and its missions: "МЗС Росії", "МИД РФ", "посольство РФ", "постпред РФ"
    (rf"(?:МЗС|МИД)\s+(?:РФ|Росії|России)|(?:Міністерств{_W}\s+закордонних\s+справ|Министерств{_W}"
     rf"\s+иностранных\s+дел)\s+(?:РФ|Росії|России|Російськ{_W}\s+Федерації|Российской\s+Федерации)",
     "russian-foreign-ministry", "МЗС РФ", R),
    (rf"(?:[Пп]осольств{_W}|[Пп]остпред{_W}|[Пп]остійн{_W}\s+представни{_W}|[Пп]остоянн{_W}\s+представител{_W})"
     rf"\s+(?:РФ|Росії|России)",
     "russian-diplomatic-mission", "Дипломатичне представництво РФ", R),
    # "Москва називає це «відплатою» і говорить про...": Moscow as a speaker (in Moscow is a
    # place: "у Москві")
    (r"(?<![ВвУу]\s)Москва(?=\s)|[Рр]осіяни|[Оо]купанти|[Оо]ккупанты|[Рр]осійськ\w*\s+військов\w*"
     r"|[Рр]оссийск\w*\s+военн\w*"
     # "У Росії цинічно стверджують, що ...", "У Москві заявили", "В России утверждают"
     r"|[УуВв]\s+(?:Росії|России|Москві|Москве)(?=\s+(?:\w+\s+){0,2}?(?:стверджу|заяви|заявля"
     r"|повідоми|наголоси|утвержда|сообщи|зробили\s+\w*\s*заяв))",
     "russian-authorities", "Влада РФ", R),
    # ("Держслужба з надзвичайних ситуацій", "Государственная служба по чрезвычайным ситуациям")
    (rf"ДСНС|ГСЧС|надзвичайник{_W}|рятувальник{_W}|Держслужб{_W}\s+з\s+НС"
     rf"|(?:Державн{_W}\s+служб{_W}|Держслужб{_W})\s+(?:України\s+)?з\s+надзвичайних\s+ситуацій"
     rf"|(?:Государственн{_W}\s+служб{_W}|Госслужб{_W})\s+(?:Украины\s+)?по\s+чрезвычайным\s+ситуациям",
     "state-emergency-service", "ДСНС", G),
    (rf"ГУНП|ГУ\s+НП|ГУ\s+Нацполіці{_W}|Нацполіці{_W}|Нацполици{_W}|Национальн{_W}\s+полици{_W}|Національн{_W}\s+поліці{_W}|[Пп]оліці[яїюейі]{_W}(?:\s+[А-ЯІЇЄҐ]\w*(?:щини|ччини|ини))?|[Пп]оліцейськ{_W}|[Пп]олици{_W}",
     "national-police", "Національна поліція", G),
    (rf"(?:Офіс|Офис){_W}\s+[Гг]енерального\s+прокурора|(?:Офіс|Офис){_W}\s+[Гг]енпрокурора|ОГП|ОГПУ|[Гг]енпрокурор{_W}|[Гг]енпрокуратур{_W}|(?:обласн{_W}\s+)?прокуратур{_W}|[Пп]рокурор{_W}|[Пп]рокуратур{_W}",
     "prosecutor", "Прокуратура", G),
    (rf"МВС|Міністерств{_W}\s+внутрішніх\s+справ|МВД\s+Украины|Министерств{_W}\s+внутренних\s+дел\s+Украины",
     "interior-ministry", "МВС України", G),
    (rf"Офіс{_W}\s+[Пп]резидента|Офис{_W}\s+[Пп]резидента|ОП(?=\s)|Зеленськ{_W}|Зеленск{_W}"
     rf"|[Пп]резидент{_W}\s+(?:України|Украины)",
     "office-of-the-president", "Офіс президента", G),
    # ("Сили оборони півдня", "Силы обороны юга Украины": the southern command)
    (rf"Генштаб{_W}|Генеральн{_W}\s+штаб{_W}|Повітрян{_W}\s+сил{_W}|ЗСУ(?=\s+повідом)"
     rf"|Сил{_W}\s+оборон{_W}\s+(?:[Пп]івдня|[Юю]га)"
     # "оперативного командования Юг", "оперативного командування «Південь»"
     rf"|[Оо]перативн{_W}\s+командуван{_W}\s+[«\"]?(?:Південь|Юг)|[Оо]перативн{_W}\s+командован{_W}"
     rf"\s+[«\"]?(?:Юг|Південь)|ОК\s+[«\"]?(?:Юг|Південь)", "ukraine-armed-forces",
     "Збройні сили України", G),
    (rf"МОЗ|Міністерств{_W}\s+охорони\s+здоров{_W}", "health-ministry", "МОЗ України", G),
    # "ХОВА", "ЗОВА": a region's administration by its letters
    (rf"(?:[А-ЯІЇЄҐ]\w+\s+)?(?:ОВА|ОДА|ОГА)\b|(?<![\w-])[А-ЯІЇЄҐ]{{1,2}}ОВА\b|обласн{_W}\s+(?:військов{_W}|державн{_W})\s+адміністраці{_W}"
     rf"|областн{_W}\s+(?:военн{_W}|государственн{_W})\s+администраци{_W}|облгосадминистраци{_W}"
     rf"|облдержадміністраці{_W}|обласн{_W}\s+адміністраці{_W}",
     "regional-military-administration", "Обласна військова адміністрація", L),
    # Kyiv's city administration by its letters: "КМВА", "КГВА", "КМДА", "КГГА"
    (rf"МВА\b|ГВА\b|(?<![\w-])К[МГ][ВДГ]А\b|міськ{_W}\s+військов{_W}\s+адміністраці{_W}|міськрад{_W}|міськ{_W}\s+рад{_W}"
     rf"|городск{_W}\s+военн{_W}\s+администраци{_W}|горсовет{_W}|городск{_W}\s+совет{_W}"
     # "влада Харкова" (not "Владимир Зеленский")
     rf"|[Вв]лад(?:а|и|і|у|ою)\s+[А-ЯІЇЄҐ]\w+|місцев{_W}\s+влад{_W}|громад[аиіу]\b"
     # "Згодом влада повідомила": the authorities of the place
     rf"|(?<=\s)влада(?=\s+(?:повідом|заяв|уточн|розпов|додал|зазнач))"
     # "повідомили в адміністрації", "сообщили в администрации": the local one
     rf"|(?<=\s[ву]\s)(?:адміністраці{_W}|администраци{_W})(?!\s+(?:президент|Президент))",
     "local-authorities", "Місцева влада", L),
    (rf"ООН|ММПЛУ|ММПЧУ|Моніторингов{_W}\s+місі{_W}|Мониторингов{_W}\s+мисси{_W}|[Мм]ісі[яїюєі]{_W}|[Мм]исси[яиюей]{_W}"
     rf"|ЮНІСЕФ|ЮНИСЕФ|ОБСЄ|ОБСЕ|МАГАТЕ|МАГАТЭ|ВООЗ|ВОЗ\b|УВКПЛ|УВКПЧ|ЮНЕСКО"
     rf"|Всесвітн{_W}\s+організаці{_W}\s+охорони\s+здоров|Всемирн{_W}\s+организаци{_W}\s+здравоохранени",
     "united-nations", "ООН", I),
    (rf"Міжнародн{_W}\s+амністі{_W}|Международн{_W}\s+амнисти{_W}", "amnesty-international",
     "Amnesty International", N),
    (rf"Лікар{_W}\s+без\s+кордонів|Врач{_W}\s+без\s+границ", "msf", "Médecins Sans Frontières", N),
    (rf"(?:Міжнародн{_W}\s+комітет{_W}\s+)?Червон{_W}\s+Хрест{_W}|МКЧХ|(?:Международн{_W}\s+комитет{_W}\s+)?"
     rf"Красн{_W}\s+Крест{_W}|МККК", "red-cross", "Червоний Хрест", N),
    # a local head named by office alone ("повідомив мер міста", "сообщил мэр города")
    (rf"[Мм]ер{_W}\s+міст{_W}|[Мм]іськ{_W}\s+голов{_W}|[Мм]эр{_W}(?:\s+город{_W})?|[Гг]убернатор{_W}"
     rf"|[Гг]олов{_W}\s+(?:міста|громади)|[Гг]лав{_W}\s+города",
     "local-head", "Місцева влада", L),
    (rf"Суспільн{_W}|Українськ{_W}\s+правд{_W}|Украинск{_W}\s+правд{_W}|Інтерфакс-Україн{_W}"
     rf"|Интерфакс-Украин{_W}|Донбас\.?\s?Реалі{_W}|Радіо\s+Свобод{_W}|Громадськ{_W}"
     rf"|місцев{_W}\s+(?:медіа|ЗМІ)|[Мм]едіа\b|ЗМІ\b|СМИ\b|журналіст{_W}"
     # "по информации местных пабликов": local channels
     rf"|паблик{_W}|паблік{_W}",
     "media", "ЗМІ", M),
    (rf"Укрінформ{_W}|Укринформ{_W}", "ukrinform", "Укрінформ", S),
    (rf"ТАСС|РИА\s+Новости|Интерфакс{_W}|РИА", "russian-state-media", "ТАСС / РИА Новости", S),
]  # fmt: skip
_KNOWN_RE = [
    (re.compile(rf"(?<![\w-])(?:{words_})(?![\w-])"), Actor(i, n, p)) for words_, i, n, p in _KNOWN
]
_ROLE = re.compile(
    rf"(?P<role>(?:[Гг]олов{_W}|[Оо]чільни{_W}|[Нн]ачальни{_W}|[Кк]ерівни{_W}|[Рр]адни{_W}|[Мм]ер{_W}"
    rf"|(?:[Гг]уманітарн{_W}\s+|[Гг]уманитарн{_W}\s+)?[Кк]оординатор{_W}"
    rf"|[Гг]убернатор{_W}|[Рр]ечни{_W}|[Мм]іністр{_W}|[Зз]аступни{_W}|[Сс]екретар{_W}|[Гг]лав{_W}"
    rf"|[Пп]ресс?-секретар{_W}|виконувач{_W}|[Сс]пікер{_W}|[Мм]іськ{_W}\s+голов{_W}|[Оо]мбудсман{_W}"
    rf"|[Уу]повноважен{_W}|т\.?\s?в\.?\s?о\.?|(?<![\w.])в\.\s?о\.|[Рр]уководител{_W}|[Пп]редседател{_W}|[Мм]эр{_W})"
    rf"(?:\s+[\w'’.]+){{0,6}}?)\s+"
    rf"(?P<name>[А-ЯІЇЄҐЁЭ][а-яіїєґёыэъ'’]+\s+[А-ЯІЇЄҐЁЭ][а-яіїєґёыэъ'’]+)(?![\w-])"
    # the name is the last two capitalised words: "мэр Харькова Игорь Терехов"
    rf"(?!\s+[А-ЯІЇЄҐЁЭ][а-яіїєґёыэъ'’]+(?![\w-]))"
)
_PEOPLE: dict[str, tuple[str, Party]] = {
    "зеленськ": ("Володимир Зеленський", G), "єрмак": ("Андрій Єрмак", G),
    "клименк": ("Ігор Клименко", G), "кличк": ("Віталій Кличко", L),
    "ткаченк": ("Тимур Ткаченко", L), "синєгуб": ("Олег Синєгубов", L),
    "терехов": ("Ігор Терехов", L), "федоров": ("Іван Федоров", L), "лисак": ("Сергій Лисак", L),
    "вілкул": ("Олександр Вілкул", L), "філашкін": ("Вадим Філашкін", L),
    "кириленк": ("Павло Кириленко", L), "садов": ("Андрій Садовий", L),
    "козицьк": ("Максим Козицький", L), "прокудін": ("Олександр Прокудін", L),
    "кіпер": ("Олег Кіпер", L), "лубінец": ("Дмитро Лубінець", G), "ігнат": ("Юрій Ігнат", G),
    "артюх": ("Володимир Артюх", L), "кобзар": ("Артем Кобзар", L), "зарко": ("Юрій Зарко", L),
    "малашко": ("Юрій Малашко", L), "попко": ("Сергій Попко", L), "братчук": ("Сергій Братчук", L),
    "плетенчук": ("Дмитро Плетенчук", G), "кривошеєнк": ("Сергій Кривошеєнко", L),
    "кривошеенк": ("Сергей Кривошеенко", L), "живицьк": ("Дмитро Живицький", L),
    "лисенк": ("Олександр Лисенко", L), "старух": ("Олександр Старух", L),
    "філатов": ("Борис Філатов", L), "сєнкевич": ("Олександр Сєнкевич", L),
    "кім": ("Віталій Кім", L), "труханов": ("Геннадій Труханов", L),
    "мрочк": ("Роман Мрочко", L), "чаус": ("В'ячеслав Чаус", L),
    "атрошенк": ("Владислав Атрошенко", L), "пронін": ("Філіп Пронін", L),
    "когут": ("Володимир Когут", L), "борзов": ("Сергій Борзов", L),
    "гайда": ("Сергій Гайдай", L), "лисогор": ("Артем Лисогор", L),
    "кравченк": ("Руслан Кравченко", L), "попк": ("Сергій Попко", L),
    "ганж": ("Сергій Ганжа", L), "куртєв": ("Анатолій Куртєв", L),
    "вигівськ": ("Іван Вигівський", G), "костін": ("Андрій Костін", G),
    "хорунж": ("Олександр Хорунжий", G), "сибіг": ("Андрій Сибіга", G),
    "кулеб": ("Дмитро Кулеба", G), "шмигал": ("Денис Шмигаль", G),
    "свириденк": ("Юлія Свириденко", G),
    "калашник": ("Микола Калашник", L),
    "марченк": ("Максим Марченко", L), "янушевич": ("Ярослав Янушевич", L),
    "григоров": ("Олег Григоров", L), "брижинськ": ("Олександр Брижинський", L),
    "лунін": ("Дмитро Лунін", L), "моргунов": ("Сергій Моргунов", L),
    "бунечк": ("Віталій Бунечко", L), "табурец": ("Ігор Табурець", L),
    "райкович": ("Андрій Райкович", L), "гончаренк": ("Олександр Гончаренко", L),
    "лях": ("Вадим Лях", L), "євтушенк": ("Євген Євтушенко", L),
    "ляшк": ("Віктор Ляшко", G), "галущенк": ("Герман Галущенко", G),
    # the same officials as Russian-language copy spells them
    "зеленск": ("Володимир Зеленський", G), "ермак": ("Андрій Єрмак", G),
    "синегуб": ("Олег Синєгубов", L), "кипер": ("Олег Кіпер", L), "лысак": ("Сергій Лисак", L),
    "вилкул": ("Олександр Вілкул", L), "филашкин": ("Вадим Філашкін", L),
    "козицк": ("Максим Козицький", L), "прокудин": ("Олександр Прокудін", L),
    "лубинец": ("Дмитро Лубінець", G), "игнат": ("Юрій Ігнат", G),
    "живицк": ("Дмитро Живицький", L), "лысенк": ("Олександр Лисенко", L),
    "филатов": ("Борис Філатов", L), "сенкевич": ("Олександр Сєнкевич", L),
    "пронин": ("Філіп Пронін", L), "лысогор": ("Артем Лисогор", L),
    "куртев": ("Анатолій Куртєв", L), "выговск": ("Іван Вигівський", G),
    "костин": ("Андрій Костін", G),
    "сибиг": ("Андрій Сибіга", G), "шмыгал": ("Денис Шмигаль", G),
    "брижинск": ("Олександр Брижинський", L), "лунин": ("Дмитро Лунін", L),
    "евтушенк": ("Євген Євтушенко", L),
    "шойгу": ("Сергей Шойгу", R), "белоусов": ("Андрей Белоусов", R),
    "лавров": ("Сергей Лавров", R), "путин": ("Владимир Путин", R), "путін": ("Володимир Путін", R),
    "сальдо": ("Владимир Сальдо", R), "балицк": ("Евгений Балицкий", R),
    "пушилин": ("Денис Пушилин", R), "гладков": ("Вячеслав Гладков", R),
    "богомаз": ("Александр Богомаз", R), "развожаев": ("Михаил Развожаев", R),
    "аксенов": ("Сергей Аксёнов", R), "аксёнов": ("Сергей Аксёнов", R),
    "гутерреш": ("Антоніу Гутерреш", I), "гроссі": ("Рафаель Гроссі", I),
    "гутерриш": ("Антониу Гутерриш", I), "гуттеріш": ("Антоніу Гутерреш", I),
    "гросси": ("Рафаэль Гросси", I), "богнер": ("Матільда Богнер", I),
    "белл": ("Даніелла Белл", I), "браун": ("Деніз Браун", I),
    "конашенков": ("Игорь Конашенков", R), "песков": ("Дмитрий Песков", R),
    "захаров": ("Мария Захарова", R), "небенз": ("Василий Небензя", R),
    "полянск": ("Дмитрий Полянский", R), "полянськ": ("Дмитро Полянський", R),
    "бєлоусов": ("Андрій Бєлоусов", R), "герасимов": ("Валерий Герасимов", R),
    "шмале": ("Матіас Шмале", I),
}  # fmt: skip
SPEECH = {
    "повідомити", "повідомляти", "написати", "писати", "заявити", "заявляти", "сказати",
    "казати", "говорити", "додати", "зазначити", "зазначати", "підтвердити", "уточнити",
    "назвати", "оприлюднити", "передавати", "передати", "інформувати", "наголошувати",
    "наголосити", "розповісти", "оголосити", "стверджувати", "доповісти", "показати",
    "сообщить", "сообщать", "заявить", "написать", "сказать", "добавить", "отметить",
    "подтвердить", "уточнить", "назвать", "объявить", "утверждать", "передать", "говорить",
    "дані", "слово", "інформація", "версія", "версия", "данные", "информация", "оновити", "уточнювати",
    "дати", "опублікувати", "звітувати",
    # "йдеться в повідомленні ДСНС", "говорится в сообщении", "зазначається у заяві"
    "йтися", "говоритися", "зазначатися", "повідомлятися", "сообщаться", "отмечаться",
    "повідомлення", "сообщение", "заява", "заявление", "допис", "звернення", "обращение",
    "передавать", "писать", "рассказать", "уточнять", "подчеркнуть", "информировать",
    "опубликовать", "добавлять", "отмечать", "подтверждать", "заявлять",
    # monitors "record" and "count": "Місія зафіксувала", "за підрахунками ООН" (not the work
    # itself: "слідчі документують воєнний злочин")
    "зафіксувати", "фіксувати", "задокументувати", "верифікувати",
    "зафиксировать", "фиксировать", "задокументировать", "підрахунок",
    "подсчёт", "подсчет", "оцінка", "оценка", "нарахувати", "налічити", "порахувати",
    "підрахувати", "зареєструвати", "насчитать", "подсчитать", "зарегистрировать", "згідно",
    "согласно", "звіт", "доповідь", "отчёт", "отчет", "доклад",
}  # fmt: skip
# the words that name a message: "в повідомленні", "у дописі", "в сообщении", "в заявлении"
_MESSAGE_WORDS = r"повідомленн|дописі|телеграм|заяв|сообщени"
_MESSAGE = re.compile(_MESSAGE_WORDS, re.IGNORECASE)
_BACK = re.compile(
    r"(?<![\w-])(?:за\s+(?:його|її|їхніми|їх)\s+(?:словами|даними|інформацією)"
    r"|по\s+(?:его|её|их)\s+(?:словам|данным)|(?:він|вона|вони|он|она|они)\s+(?:також\s+|ще\s+)?\w+"
    # a quote closed by its speaker's pronoun: "«...», – написав він."
    r"|[–—-]\s*\w+\s+(?:він|вона|вони|он|она|они)(?:\s+(?:у|в|на)\s+[\w-]+){0,2}"
    r"(?:\s+(?:о|в|около|близько)\s+\d{1,2}(?:[:.]\d{2})?(?:\s+[\w-]+){0,2})?(?=\s*[.!]?\s*$)"
    # "«...», – йдеться в повідомленні", "говорится в сообщении ведомства": the body last named
    r"|(?:йдеться|мовиться|сказано|зазначається|говорится|отмечается)\s+(?:у|в)\s+"
    rf"(?:{_MESSAGE_WORDS})\w*"
    r"|відомств\w*|ведомств\w*"
    # "«...», — заявили в министерстве.": the ministry last named
    r"|(?:в|у)\s+(?:министерстве|міністерстві)(?=\s*[.,!]|\s*$))",
    re.IGNORECASE,
)
# a headline's or quote's speaker after a dash at its end: "..., – Клименко", "» — ДСНС"
# ("Число жертв увеличилось до 15 - ГСЧС.": a name in capitals after a count)
# (a sentence's, with its period: a headline's "… до 70 – ОВА" sums up the body's figures)
_DASH_SIGNED = re.compile(
    r"[,.»”\"]\s*[–—-]\s+(?P<who>[^–—-]{2,60}?)\s*\.?$"
    r"|(?<=\w)\s+[–—-]\s+(?P<name>[А-ЯІЇЄҐЁ][\w'’]*(?:\s+[А-ЯІЇЄҐЁ][\w'’]*){0,2})\s*\.$"
)
_AUTHOR_LINE = re.compile(
    r"(?P<name>[А-ЯІЇЄҐЁ][а-яіїєґё'’]+\s+[А-ЯІЇЄҐЁ][а-яіїєґё'’]+)\s*[|–—-]\s*(?P<role>[^.!?]{3,100})"
)
_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?:голов|очільник|начальник|керівник|глав|руководител)\w*\s+$", re.IGNORECASE
)
_LETTERHEAD = re.compile(r"[А-ЯІЇЄҐЁ'’ ,-]{8,120}")


class SpeakersUkRu(Speakers):
    """Speakers of a Ukrainian or Russian report (the English reader's memory and fallbacks,
    with this language's words)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def mentions(self, sentence: Sentence) -> list[Mention]:
        text = sentence.text
        found: list[Mention] = []
        for pattern, actor in _KNOWN_RE:
            found += [Mention(actor, m.start(), m.end()) for m in pattern.finditer(text)]
        found += known_mentions(text)  # "повідомляє Reuters", "в Human Rights Watch"
        for match in _ROLE.finditer(text):
            actor = self._titled(match.group("name"), match.group("role"))
            found.append(Mention(actor, match.start(), match.end()))
        for match in re.finditer(r"(?<![\w-])[А-ЯІЇЄҐ][а-яіїєґё'’]{2,}", text):
            actor = self._by_surname(match.group(0))
            if actor is not None:
                found.append(Mention(actor, match.start(), match.end()))
        return [self._head_named_before(m, text) for m in without_overlaps(found)]

    def _head_named_before(self, mention: Mention, text: str) -> Mention:
        """'в повідомленні очільника ОВА' after 'очільник ОВА Олег Синєгубов', 'в сообщении
        главы города' after 'глава администрации города Дмитрий Шевченко': the head of a body
        or place, no name given, is the person of its side named last."""
        local_head = mention.actor.id == "local-head"
        if not (_HEAD_BEFORE.search(words_before(text, mention.start)) or local_head):
            return mention
        people = set(self.people.values())
        if mention.actor in people:
            return mention
        person = next(
            (a for a in reversed(self._named) if a in people and a.party is mention.actor.party),
            None,
        )
        return mention if person is None else Mention(person, mention.start, mention.end)

    def _titled(self, name: str, role: str) -> Actor:
        known = self._by_surname(name.split()[-1])
        if known is not None:
            return known
        party = _party_of_role(role)
        actor = Actor(slug(name), f"{name}, {' '.join(role.split())}", party)
        self.people[_stem(name.split()[-1])] = actor
        return actor

    def _by_surname(self, word: str) -> Actor | None:
        stem = _stem(word)
        for key, actor in self.people.items():
            if stem.startswith(key) or (key.startswith(stem) and len(stem) >= 5):
                return actor
        for key, (name, party) in _PEOPLE_BY_STEM.items():
            if stem.startswith(key):
                actor = Actor(slug(name), name, party)
                self.people[key] = actor
                return actor
        return None

    def author(self, text: str) -> Actor | None:
        """An institution's letterhead on the first line ('МИНИСТЕРСТВО ОБОРОНЫ РОССИЙСКОЙ
        ФЕДЕРАЦИИ') or a post's signature line naming a known body."""
        first = next(iter(head_lines(text, 1)), "")
        signed = _AUTHOR_LINE.fullmatch(first)
        if signed is not None:  # "Олег Синєгубов | Харківська ОВА"
            return self._titled(signed.group("name"), signed.group("role"))
        # "Моніторингова місія ООН з прав людини в Україні (ММПЛУ) | Брифінг" (the table's
        # stems name a body in a few letters: a third of the part is enough)
        body = letterhead_body(text, _KNOWN_RE, share=0.3) or self._channel(first)
        if body is not None:
            return body
        if _LETTERHEAD.fullmatch(first):
            written = first[0] + first[1:].lower()  # "Министерство обороны российской федерации"
            for pattern, actor in _KNOWN_RE:
                if pattern.search(written) or pattern.search(first):
                    return actor
        # a post closing with its author's name ("Олег Синєгубов") or its body's tags ("#ДСНС")
        return self._signature(text)

    def _names_only(self, line: str, named: list[Mention]) -> bool:
        """Whether a line states nothing: no verb in it ("Олег Синєгубов", "Поліція Київщини",
        not "Синєгубов розповів про удар")."""
        return not any(w.tags & {"VERB", "INFN", "GRND"} for w in words(line, self.language))

    def speaker(self, sentence: Sentence) -> tuple[Actor | None, Mention | None]:
        text = sentence.text
        mentions = self.mentions(sentence)
        chosen: Mention | None = None
        prefix = re.match(r"\s*(?P<who>[^:.]{3,160}):\s", text)
        if prefix and not re.search(r"\d", prefix.group("who")):
            # "ДСНС: ...", "Синєгубов: ..." (not "Росіяни вдарили по Херсону: ...": a headline)
            who = prefix.group("who")
            chosen = next(
                (
                    m
                    for m in mentions
                    if m.end <= prefix.end("who")
                    # the speaker fills the prefix, or opens it with a name and a title after
                    # ("Олег Синєгубов, голова Харківської ОДА: ...")
                    and (
                        m.end - m.start >= 0.5 * len(who.strip())
                        or (
                            m.start <= prefix.start("who") + 16
                            and "," in who[m.end - prefix.start("who") :]
                        )
                    )
                ),
                None,
            )
            self.reason = "named before a colon that opens the sentence ('ОВА: ...')"
        bracket = _BRACKETED.search(text) if chosen is None else None
        if bracket is not None:  # "Загиблі: 5 (дані ОВА)": a source in brackets closing it
            chosen = next((m for m in mentions if m.start >= bracket.start("who")), None)
            self.reason = "named in brackets that close the sentence ('(дані ОВА)')"
        cited = _CITING.search(text) if chosen is None else None
        if cited is not None:  # "передає Суспільне з посиланням на ОВА": the source cited
            chosen = next((m for m in mentions if m.start >= cited.end()), None)
            self.reason = "the source an outlet cites ('з посиланням на ОВА')"
        dash = _DASH_SIGNED.search(text)
        if chosen is None and dash:  # "Загинули п'ятеро людей, – Клименко."
            signed = dash.start("who") if dash.group("who") else dash.start("name")
            chosen = next((m for m in mentions if m.start >= signed), None)
            self.reason = "named after a dash that closes the sentence ('..., – Клименко')"
        # «"... сім співробітників ДСНС ...", – написав він»: who a quotation names inside it
        # does not speak it
        closed = [m.end() for m in _QUOTE_CLOSED.finditer(text)]
        spoken = [m for m in mentions if not closed or m.start >= closed[-1]]
        # "За даними слідства, російські військові обстріляли ...": the forces that struck are
        # the speaker only with their own speech verb ("росіяни стверджують")
        spoken = [
            m
            for m in spoken
            if m.actor.id != "russian-authorities" or _OWN_SPEECH.match(text, m.end)
        ]
        if chosen is None and spoken:
            cues = [w for w in words(text, self.language) if w.lemmas & SPEECH]
            if cues:
                starts = [c.start for c in cues]
                near = [m for m in spoken if _distance(m, cues, starts) <= 60]
                chosen = min(near, key=lambda m: _distance(m, cues, starts)) if near else None
                # "Про це повідомив Кириленко, передає Укрінформ": the outlet carries the
                # official's words
                official = [m for m in near if m.actor.party not in (M, S, Party.OTHER)]
                if chosen is not None and chosen.actor.party in (M, S) and official:
                    chosen = min(official, key=lambda m: _distance(m, cues, starts))
                nearest = min(cues, key=lambda c: abs(c.start - chosen.start)) if chosen else None
                if nearest is not None:
                    self.reason = f"named nearest the speech word '{nearest.text}'"
        back = _BACK.search(text) if chosen is None and self.last is not None else None
        if back is not None:
            actor = self.last
            if _MESSAGE.search(back.group(0)) and self._last_speaker is not None:
                actor = self._last_speaker  # "сказано в повідомленні": the last who spoke
            if re.match(r"відомств|ведомств", back.group(0), re.IGNORECASE):
                actor = next((a for a in reversed(self._named) if a.party is R), actor)
            self._remember(actor, sentence)
            self.reason = f"'{back.group(0)}' points back at {actor.name}"
            return actor, Mention(actor, back.start(), back.end())
        return self._settle(sentence, chosen, mentions)


_OWN_SPEECH = re.compile(
    r"\s+(?:\w+\s+)?(?:заяв\w*|стверджу\w*|утвержда\w*|повідом\w*|сообщ\w*|наполяга\w*"
    r"|настаива\w*|кажуть|говор\w*|запевня\w*|уверя\w*|визна\w*|призна\w*)",
    re.IGNORECASE,
)
_QUOTE_CLOSED = re.compile(r"[\"»”]\s*,?\s*[–—-]\s*(?=\w)")
_BRACKETED = re.compile(r"\((?P<who>[^()]{2,60})\)\s*[.;]?\s*$")
_CITING = re.compile(r"(?<![\w'’])(?:з|із|зі|со|с)\s+(?:посиланням|ссылкой)\s+на\s+", re.IGNORECASE)


def _distance(mention: Mention, cues: list, starts: list[int]) -> int:
    """Characters between a mention and the nearest speech word (cues sorted by start)."""
    at = bisect.bisect_left(starts, mention.end)
    gaps = []
    if at < len(cues):
        gaps.append(cues[at].start - mention.end)
    if at > 0:
        gaps.append(max(0, mention.start - cues[at - 1].end))
    return min(gaps)


def _stem(surname: str) -> str:
    """A surname without its case ending: 'Синєгубова' → 'синєгуб', 'Кириленко' → 'кириленк'."""
    word = surname.lower()
    for ending in ("ого", "ому", "ова", "ові", "им", "ою", "ий", "ой", "ов", "ів", "а", "у", "ю",
                   "о", "і", "е", "й", "я"):  # fmt: skip
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# The table's surnames as `_stem` cuts a mention ("Федоров" → "федор"), so every case form finds
# its official ("Федорова", "Федорову").
_PEOPLE_BY_STEM = {_stem(surname): person for surname, person in _PEOPLE.items()}
# the officials' surnames as the tables spell them ("песков", "кириленко")
_SURNAMES = {name.split()[-1].lower() for name, _party in _PEOPLE.values()}


def known_surname(word: str) -> bool:
    """Whether a word is a known official's surname in some case form ("Песков:", "Пескова"),
    which is no place however the dictionary reads it ("песков", the sands' genitive)."""
    word = word.lower()
    return any(
        word.startswith(surname) and len(word) - len(surname) <= 2 and len(surname) >= 5
        for surname in _SURNAMES
    )


def _party_of_role(role: str) -> Party:
    text = role.lower()
    # Russia's own regions and the occupation's "republics": "губернатор Белгородской области"
    if re.search(r"рф|росії|россии|российск|російськ|кремл|белгородск|бєлгородськ|курськ|курск"
                 r"|брянськ|брянск|ростовськ|ростовск|воронезьк|воронежск|днр|лнр", text):  # fmt: skip
        return R
    if re.search(
        r"оон|ммплу|ммпчу|увкпл|увкпч|юнісеф|юнисеф|вооз|\bвоз\b|магате|обсє|обсе"
        r"|гуманітарн\w*\s+координатор|гуманитарн\w*\s+координатор",
        text,
    ):
        return I
    if re.search(
        r"ова|ода|ога|обласн|міськ|городск|горсовет|громад|мер|мэр|губернатор|район|рад[иі]"
        r"|совет|мва|адміністрац|администрац",
        text,
    ):
        return L
    if re.search(
        r"офіс|офис|оп\b|президент|мвс|мвд|міністр|министр|дснс|гсчс|поліц|полиц|прокурор"
        r"|генштаб|сил|служб",
        text,
    ):
        return G
    return Party.OTHER


# Ukraine's officials by name, in both tables: where a strike was in Russia they still speak for
# Ukraine
_UKRAINE_S_PEOPLE = {slug(name) for name, party in _PEOPLE.values() if party in (G, L)} | {
    person[0] for person in _PEOPLE_EN.values() if person[2] in (G, L)
}
_UNNAMED_OFFICIALS = {"officials", "authorities", "local-officials", "local-authorities"}


def in_russia(actor: Actor) -> Actor:
    """The speaker as a report of a strike in Russia means it: a local official or body known
    by office ("the regional governor", "local authorities", "officials") is Russia's; Ukraine's
    named officials and its military administrations stay Ukraine's."""
    local = actor.party is L and "military-administration" not in actor.id
    unnamed = actor.party is G and actor.id in _UNNAMED_OFFICIALS
    if (local or unnamed) and actor.id not in _UKRAINE_S_PEOPLE:
        return Actor(actor.id, actor.name, R)
    return actor
