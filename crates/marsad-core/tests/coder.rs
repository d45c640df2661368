//! The event coder on real sentences, one rule of the coder per test. Each names the
//! article it comes from: most are from the corpus (../shared/corpus/news-sample.jsonl);
//! older tests also take sentences of the dev gold articles (../shared/gold/dev.jsonl,
//! ids such as snn-aawsat-2036) — regression tests of rules, not a source of them.

use marsad_core::engine::Engine;
use marsad_core::format::{Article, Event};

fn code(date: &str, text: &str) -> Vec<Event> {
    let a = Article { id: "t".into(), text: text.into(), date: Some(date.into()), ..Default::default() };
    Engine::default().extract(&a).events
}

fn fatalities(e: &Event) -> Option<(u64, Option<u64>)> {
    e.fatalities.as_ref().map(|f| (f.min, f.max))
}

/// "No news of casualties" leaves the toll unknown; "did not cause losses" makes it zero.
#[test]
fn no_news_of_casualties_is_unknown_not_zero() {
    // snn-alwatan-393
    let ev = code("2015-07-24", "وألقى الطيران المروحي مزيدا من البراميل المتفجرة على مناطق في بلدة تل شهاب من دون أنباء عن إصابات.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(fatalities(&ev[0]), None);
    // snn-aljazirah-1089
    let ev = code(
        "2015-07-27",
        "كما ألقى الطيران المروحي برميلين متفجرين على أماكن في منطقة الشدادي التي يسيطر عليها تنظيم داعش في ريف الحسكة الجنوبي، ولم ترد أنباء عن خسائر بشرية حتى اللحظة.",
    );
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
    // snn-aawsat-2036
    let ev = code("2015-08-04", "بينما تعرضت أماكن في منطقتي الكوم وكتف الغدر وقرية غمام بريف اللاذقية الشمالي، لقصف من قبل قوات النظام دون أنباء عن خسائر.");
    assert!(!ev.is_empty());
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
    // snn-aawsat-2036: "لم يؤد إلى خسائر بشرية" is a toll of zero.
    let ev = code(
        "2015-08-04",
        "اعترفت صفحات موالية للنظام بأن صواريخ وقذائف سقطت في محيط مدينة القرداحة والقرى القريبة منها، لكنها أشارت إلى أن هذا القصف لم يؤد إلى خسائر بشرية.",
    );
    assert!(!ev.is_empty());
    assert_eq!(fatalities(&ev[0]), Some((0, Some(0))), "{ev:#?}");
}

/// A demonstrative ("هذا التفجير", "تلك القذائف") points back to an act already told.
#[test]
fn demonstrative_refers_back() {
    // snn-aawsat-75
    let ev = code(
        "2015-07-21",
        "وفي موازاة حصار الزبداني أعلن «اتحاد تنسيقيات الثورة»، أن «سيارة مفخخة انفجرت في باب الجابية بوسط العاصمة دمشق أدت إلى سقوط الكثير من الإصابات»، من دون إعطاء تفاصيل إضافية عن هذا التفجير.",
    );
    let bombs: Vec<_> = ev.iter().filter(|e| e.event_type == "Explosions/Remote violence").collect();
    assert_eq!(bombs.len(), 1, "{ev:#?}");
    // "إثر ذلك مواجهات": ذلك is a pronoun there, the clashes are a new act (snn-alyaum-2767).
    let ev = code(
        "2015-08-09",
        "قال المرصد إن قوات النظام السوري ومقاتلين من حزب الله اللبناني حاولوا فجر الاحد التقدم في الجهة الشمالية لمدينة داريا بريف دمشق الغربي لاستعادة مواقع كان خسروها في الأيام القليلة الماضية لتندلع إثر ذلك مواجهات عنيفة.",
    );
    assert!(ev.iter().any(|e| e.sub_event_type == "Armed clash"), "{ev:#?}");
}

/// A transitive act word followed by an armed actor and then its victim: the actor is the
/// doer ("اعتقل تنظيم داعش 38 مواطنا"), not the victim.
#[test]
fn armed_actor_before_the_victim_is_the_doer() {
    // snn-aawsat-20
    let ev = code("2015-07-21", "من ناحية أخرى، اعتقل تنظيم داعش 38 مواطنا في مناطق مختلفة بمدينة الموصل أمس، إثر أدائهم صلاة العيد التي منعها التنظيم قبل أيام.");
    let e = ev.iter().find(|e| e.sub_event_type == "Arrests").expect("the arrests");
    assert_eq!(e.actor1.as_ref().map(|a| a.name.as_str()), Some("Islamic State"), "{e:#?}");
    assert_eq!(e.location.country.as_deref(), Some("IQ"));
    // snn-aawsat-78
    let ev = code("2015-07-21", "وقتل تنظيم داعش 4 مدنيين، بينهم طفل وسيدتان، أما تنظيم جبهة النصرة فقد قتل طفلين.");
    let e = ev.first().expect("the killing");
    assert_eq!(e.actor1.as_ref().map(|a| a.name.as_str()), Some("Islamic State"), "{ev:#?}");
    assert_eq!(fatalities(e), Some((4, Some(4))));
}

/// Victims named in the singular count one each ("قتل قائد عسكري وأحد العناصر" = 2).
#[test]
fn singular_victims_are_counted() {
    // snn-aawsat-2036
    let ev = code(
        "2015-08-04",
        "بينما قتل قائد عسكري وأحد العناصر في «فيلق الشام» خلال اشتباكات مع قوات النظام والمسلحين الموالين لها في تل حمكي بريف جسر الشغور.",
    );
    let e = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!(fatalities(e), Some((2, Some(2))), "{ev:#?}");
    assert_eq!(e.location.country.as_deref(), Some("SY"));
}

/// Air strikes on a list of towns in the clause after the act ("غارات عدة، طالت مدينة بنش
/// وبلدات طعوم وسرمين وتفتناز") are one event per town the gazetteer knows, and the deaths
/// of the next clause's clash stay with the clash.
#[test]
fn strikes_on_listed_towns() {
    // snn-aawsat-2036
    let ev = code(
        "2015-08-04",
        "وانسحب هذا المشهد على ريف إدلب، حيث نفّذ الطيران الحربي غارات عدة، طالت مدينة بنش وبلدات طعوم وسرمين وتفتناز بريف إدلب الشمالي، بينما قتل قائد عسكري وأحد العناصر في «فيلق الشام» خلال اشتباكات مع قوات النظام والمسلحين الموالين لها في تل حمكي بريف جسر الشغور.",
    );
    let strikes: Vec<_> = ev.iter().filter(|e| e.sub_event_type == "Air/drone strike").collect();
    let towns: Vec<&str> = strikes.iter().filter_map(|e| e.location.name_ar.as_deref()).collect();
    assert_eq!(towns, ["بنش", "سرمين", "تفتناز"], "{ev:#?}");
    assert!(strikes.iter().all(|e| e.fatalities.is_none()), "{strikes:#?}");
    let clash = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!(fatalities(clash), Some((2, Some(2))));
}

/// A toll told after the act ("العشرات من المتمردين الحوثيين قتلوا") goes to the act just
/// told, not to a later clause of its own sentence.
#[test]
fn toll_in_the_next_sentence_goes_to_the_act_before_it() {
    // snn-sabq-1179
    let ev = code(
        "2015-08-04",
        "واندلعت مواجهات عنيفة بين القوات الموالية للحكومة المعترف بها دوليًا من جهة والمتمردين الحوثيين من جهة أخرى في منطقة مساكن الطيارين. وأشار إلى أن العشرات من المتمردين الحوثيين قتلوا فيما سمعت اصوات انفجارات ضخمة.",
    );
    let clash = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!(fatalities(clash), Some((20, Some(99))), "{ev:#?}");
    assert!(ev.iter().filter(|e| e.sub_event_type != "Armed clash").all(|e| e.fatalities.is_none()), "{ev:#?}");
}

/// Barrel bombs dropped from helicopters are air strikes; "فتحت ... نيران رشاشاتها" is
/// armed violence.
#[test]
fn barrel_bombs_and_opening_fire() {
    // snn-alyaum-2767
    let ev = code("2015-08-09", "وفي الزبداني شمال غرب دمشق قرب الحدود مع لبنان، استمرت الاشتباكات بين قوات النظام وحزب الله من جهة وبين فصائل معارضة، في حين ألقى الطيران المروحي عشرين برميلًا متفجرًا على المدينة، بحسب ناشطين.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Air/drone strike"), "{ev:#?}");
    // snn-aawsat-2036
    let ev = code("2015-08-04", "كما فتحت القوات النظامية نيران رشاشاتها الثقيلة على مناطق في معارة الارتيق بريف حلب الشمالي الغربي.");
    assert!(ev.iter().any(|e| matches!(e.event_type.as_str(), "Battles" | "Violence against civilians")), "{ev:#?}");
}

fn a1(e: &Event) -> Option<&str> {
    e.actor1.as_ref().map(|a| a.name.as_str())
}
fn a2(e: &Event) -> Option<&str> {
    e.actor2.as_ref().map(|a| a.name.as_str())
}

/// "قال تنظيم داعش إنه خطف ...": the speaker said it did the act, so it is the doer.
#[test]
fn force_that_says_it_did_the_act_is_the_doer() {
    // snn-sabq-70
    let ev = code("2015-07-30", "قال تنظيم \"داعش\" إنه خطف ثلاثة مسيحيين أفارقة في شرق ليبيا، ونشر صور جوازات سفرهم.");
    let e = ev.iter().find(|e| e.mode.as_deref() == Some("kidnapping")).expect("the abduction");
    assert_eq!(a1(e), Some("Islamic State"), "{e:#?}");
    assert_eq!(e.location.country.as_deref(), Some("LY"));
    // "إلا أنها محاصرة": "but it is besieged" is no report of an own act (snn-alweeam-1457).
    let ev = code("2015-07-28", "وتسيطر المقاومة على المدينة، إلا أنها محاصرة من جانب القوات الموالية للرئيس اليمني عبد ربه منصور هادي.");
    assert!(ev.iter().all(|e| !e.actor1.as_ref().is_some_and(|a| a.name.contains("Resistance") && e.evidence.text.contains("محاصرة"))), "{ev:#?}");
}

/// The subject of a death verb with no object died; the act's doer is named after it.
#[test]
fn subject_of_a_death_verb_is_the_victim() {
    // snn-alwatan-446
    let ev = code(
        "2015-07-26",
        "ذكر المرصد السوري أن تسعة عناصر من داعش قتلوا في الغارات الجوية التي نفذتها مقاتلات تركية فجر أمس على مواقع للتنظيم في الشريط الحدودي في الريف الشمالي الشرقي لمحافظة حلب وأصيب 12 آخرون.",
    );
    let e = ev.iter().find(|e| e.sub_event_type == "Air/drone strike").expect("the strike");
    assert_eq!(a2(e), Some("Islamic State"), "{e:#?}");
    assert_ne!(a1(e), Some("Islamic State"));
    assert_eq!(fatalities(e), Some((9, Some(9))));
}

/// Arrests by "the authorities" are made by the police (ACLED's convention); unnamed
/// Islamist fighters are a contextual actor of the article's country.
#[test]
fn authorities_arrest_through_the_police_and_unnamed_islamists() {
    let ev = code("2015-08-11", "واعتقلت السلطات التركية أكثر من 1300 شخص منذ نهاية الشهر الماضي، إثر مداهمات أمنية في مختلف أنحاء البلاد.");
    let e = ev.iter().find(|e| e.sub_event_type == "Arrests").expect("the arrests");
    assert_eq!(a1(e), Some("Police Forces of Turkey"), "{e:#?}");
    // snn-sabq-77
    let ev = code("2015-07-21", "وقال الناطق باسم القوات الخاصة بالجيش العقيد ميلود الزوي في مدينة بنغازي إن خمسة جنود قُتلوا وإن ستة آخرين اصيبوا عندما تعرضوا لهجوم شنّه مقاتلون إسلاميون على منطقة في المدينة.");
    assert!(ev.iter().any(|e| a1(e) == Some("Islamist militias (Libya)")), "{ev:#?}");
}

/// A war's toll ("منذ اندلاع الصراع", "أكثر من 240 ألف شخص") is no act's fatalities, and
/// "ولم يخلف القصف أية إصابات" in the next sentence is not about another kind of act.
#[test]
fn war_tolls_and_other_acts_casualties_stay_off() {
    // snn-aawsat-564 (after an act of its own)
    let ev = code("2015-07-21", "وقصفت القوات الأوكرانية مواقع الانفصاليين قرب دونيتسك. وقتل أكثر من 6500 شخص منذ اندلاع الصراع في شرق أوكرانيا في أبريل (نيسان) من العام الماضي.");
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
    // snn-alyaum-2767
    let ev = code("2015-08-09", "وكان الاسد اقدم ليل الخميس على اطلاق النار من بندقيته على الشيخ داخل سيارته في اللاذقية. وتشهد سوريا نزاعًا داميًا تسبب منذ منتصف مارس بمقتل أكثر من 240 ألف شخص.");
    assert!(ev.iter().all(|e| fatalities(e).is_none_or(|f| f.0 < 10_000)), "{ev:#?}");
}

/// A weapon word is an act only when the weapon was used; seized or defused devices are
/// not bombings.
#[test]
fn weapons_code_an_attack_only_when_used() {
    // snn-alweeam-530 (a headline): seized devices.
    let ev = code("2015-07-27", "اعتقال «41» عنصرا من داعش وضبط عشرات العبوات والسيارات المفخخة");
    assert!(ev.iter().all(|e| e.event_type != "Explosions/Remote violence"), "{ev:#?}");
    // snn-aawsat-2796: an attack with a car bomb.
    let ev = code("2015-08-08", "وقالت وزارة الداخلية الأفغانية في بيان إن أربعة متشددين شنوا هجوما على قاعدة عسكرية تابعة لقوات التحالف على أطراف كابل بسيارة مفخخة مساء الجمعة.");
    assert!(ev.iter().any(|e| e.mode.as_deref() == Some("car-bomb")), "{ev:#?}");
    // snn-alriyadh-1835: a bomb that wounded policemen.
    let ev = code("2015-08-10", "اصيب 18 شرطيا مصريا على الاقل الاحد في انفجار عبوة ناسفة استهدف حافلة كانوا يستقلونها قرب مدينة العريش في شمال سيناء.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Remote explosive/landmine/IED"), "{ev:#?}");
}

/// "أحرقت ثلاثة شبان حتى الموت بدعوى زرعهم عبوة ناسفة": a killing of three; the bomb is
/// what they were accused of, and Baghdad after "شمال شرق" is a reference point.
#[test]
fn accusations_reference_points_and_burning_to_death() {
    // snn-alyaum-293
    let ev = code("2015-07-28", "قالت مصادر في محافظة ديالى شمال شرق بغداد إن مليشيات شيعية أحرقت ثلاثة شبان حتى الموت بدعوى زرعهم عبوة ناسفة.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    let e = &ev[0];
    assert_eq!(e.event_type, "Violence against civilians");
    assert_eq!(fatalities(e), Some((3, Some(3))));
    assert_eq!(a1(e), Some("Shiite militias (Iraq)"));
    assert_eq!(e.location.name.as_deref(), Some("Diyala"), "{e:#?}");
}

/// "استشهد عشرة من منسوبي قوات الطوارىء الخاصة وثلاثة آخرون": the second count, its و
/// inside the word, adds to the first.
#[test]
fn counts_joined_by_wa_add_up() {
    // snn-alriyadh-3655
    let ev = code(
        "2015-08-07",
        "استشهد عشرة من منسوبي قوات الطوارىء الخاصة وثلاثة آخرون وأصيب تسعة آخرين ثلاثة منهم إصاباتهم بالغة في تفجير إرهابي جبان استهدف مسجد مقر قوات الطوارئ الخاصة بمنطقة عسير.",
    );
    let e = ev.iter().find(|e| e.event_type == "Explosions/Remote violence").expect("the bombing");
    assert_eq!(fatalities(e), Some((13, Some(13))), "{e:#?}");
    assert!(e.quantities.iter().any(|q| q.what == "injured" && q.min == 9), "{:?}", e.quantities);
}

/// "ثوار المقاومة الشعبية": the category word belongs to the group named after it, a
/// pro-government militia, so its gain of a district is a government regain; "مديرية"
/// cues a small district name.
#[test]
fn category_word_before_a_named_group() {
    // snn-alwatan-109
    let ev = code(
        "2015-07-22",
        "وتواصل ميليشيات الحوثي قصف الأحياء السكنية في عدن. وكان ثوار المقاومة الشعبية تمكنوا من طرد المتمردين من كامل مديرية التواهي، وقال المكتب الإعلامي للمقاومة في بيان إنه تمت السيطرة على عدد من المواقع المهمة.",
    );
    let e = ev.iter().find(|e| e.evidence.text.contains("طرد")).expect("the expulsion");
    assert_eq!(a1(e), Some("Popular Resistance (Yemen)"), "{e:#?}");
    assert_eq!(e.sub_event_type, "Government regains territory");
    assert_eq!(e.location.name_ar.as_deref(), Some("التواهي"));
    // "المتمردين" in a Yemeni article about the Houthis are the Houthis.
    assert_eq!(a2(e), Some("Houthis (Ansar Allah)"), "{e:#?}");
}

/// "بحجة" is "on the pretext", not "in Hajjah"; "في حجة" is the place.
#[test]
fn bi_hujja_is_a_pretext_not_hajjah() {
    // snn-aawsat-914
    let ev = code("2015-07-23", "وفي المكلا، اعتقل مسلحو تنظيم القاعدة خمسة من الضباط المتقاعدين بحجة تعاونهم مع الحوثيين.");
    assert!(ev.iter().all(|e| e.location.name.as_deref() != Some("Ḩajjah")), "{ev:#?}");
    let ev = code("2015-07-23", "واندلعت اشتباكات عنيفة بين المقاومة الشعبية والحوثيين في حجة.");
    assert!(ev.iter().any(|e| e.location.name.as_deref() == Some("Ḩajjah")), "{ev:#?}");
}

/// "الحدود السورية" (the Syrian border) is no mention of Syria, and "كمينا" (an ambush) no
/// mention of Minna in Nigeria.
#[test]
fn adjectives_and_kaf_are_not_places() {
    // snn-alriyadh-1959
    let ev = code(
        "2015-07-27",
        "واشار الجيش الى ان عناصر من حزب العمال الكردستاني نصبوا كمينا للجنود في تلك المنطقة القريبة من الحدود السورية.",
    );
    assert!(!ev.is_empty());
    for e in &ev {
        assert!(!matches!(e.location.country.as_deref(), Some("NG" | "SY")), "{e:#?}");
    }
}

/// "احتجاجا على قتل ..." names the protest's grievance: no battle is coded from it.
#[test]
fn a_protests_grievance_is_not_a_battle() {
    // snn-alyaum-2767
    let ev = code(
        "2015-08-09",
        "«نفذ أكثر من ألف شخص اعتصامًا عند دوار الزراعة في مدينة اللاذقية احتجاجًا على قتل سليمان هلال الأسد -نجل ابن عم بشار الأسد- للعقيد حسان الشيخ الضابط في القوى الجوية عند دوار الأزهري بمدينة اللاذقية ليل السادس من أغسطس بإطلاق النار عليه وقتله أمام أطفاله».",
    );
    assert!(ev.iter().all(|e| e.event_type != "Battles"), "{ev:#?}");
}

/// A relative clause with a doer verb ("أرسلتها أيادي الغدر الحوثية") names the act's doer.
#[test]
fn doer_named_in_a_relative_clause() {
    // snn-alwatan-109
    let ev = code("2015-07-22", "من ناحية ثانية، استهدفت خمس قذائف عسكرية، أرسلتها أيادي الغدر الحوثية صباح أمس، مستشفى ظهران الجنوب العام وعددا من المنازل.");
    let e = ev.iter().find(|e| e.sub_event_type == "Shelling/artillery/missile attack").expect("the shelling");
    assert_eq!(a1(e), Some("Houthis (Ansar Allah)"), "{e:#?}");
    assert_eq!(e.location.country.as_deref(), Some("SA"));
}

/// "أصبحوا منشقين" says what people became, not that a defection happened there and then;
/// "انشق ... عنصراً من داعش" does.
#[test]
fn defectors_as_a_state_are_not_a_defection() {
    // seed article (Al Arabiya, 2015-02-20)
    let ev = code("2015-02-20", "فخابت ظنونهم وأصبحوا منشقين.");
    assert!(ev.is_empty(), "{ev:#?}");
    let ev = code("2015-02-20", "كما انشق أيضاً بين 11 و13 عنصراً وقيادياً من \"داعش\" في محافظة الرقة بالشمال السوري.");
    assert!(ev.iter().any(|e| e.mode.as_deref() == Some("defection")), "{ev:#?}");
}

/// "وأضافت أن ...": a sentence that opens with "and she added" goes on quoting the
/// previous sentence's source.
#[test]
fn wa_adafa_keeps_the_previous_source() {
    // snn-aawsat-54
    let ev = code(
        "2015-07-21",
        "وقالت مصادر في المقاومة لـ«الشرق الأوسط» إن عددا من القتلى والجرحى سقطوا في صفوف الحوثيين. وأضافت أن قصفا مكثفا استهدف معسكر الصدرين بمنطقة مريس شرق مدينة قعطبة، يوم أمس الاثنين، سقط على أثره قتلى وجرحى من الحوثيين.",
    );
    let e = ev.iter().find(|e| e.evidence.text.contains("قصفا")).expect("the shelling");
    assert!(e.sources.iter().any(|s| s.mention.as_ref().is_some_and(|m| m.text.contains("مصادر"))), "{:#?}", e.sources);
}

/// "... وتفكيك 3 منازل مفخخة": an act noun joined by و continues the doer's list of acts.
#[test]
fn acts_joined_by_wa_keep_the_doer() {
    // snn-alyaum-293
    let ev = code(
        "2015-07-28",
        "وأضاف البيان أن قيادة عمليات بغداد واصلت تطهير ناحية الكرمة والمناطق المحيطة بها، وتفكيك 3 منازل مفخخة، و42 عبوة ناسفة.",
    );
    let e = ev.iter().find(|e| e.sub_event_type == "Disrupted weapons use").expect("the defusing");
    assert_eq!(a1(e), Some("Military Forces of Iraq"), "{ev:#?}");
    assert!(ev.iter().all(|e| e.sub_event_type != "Remote explosive/landmine/IED"), "{ev:#?}");
}

/// "شنت القاهرة غارات", "وأطلقت أنقرة عملية عسكرية": a capital between a launch verb and
/// the act stands for its state's forces; "معركة دمشق" (a battle for Damascus) does not.
#[test]
fn capital_as_the_state() {
    // snn-alyaum-2531
    let ev = code("2015-08-07", "وفي فبراير الماضي، شنّت القاهرة غارات جوية على مواقع الجهاديين في ليبيا.");
    assert_eq!(ev.first().and_then(a1), Some("Military Forces of Egypt"), "{ev:#?}");
    assert_eq!(ev[0].location.country.as_deref(), Some("LY"));
    // snn-aljazirah-1719
    let ev = code("2015-07-30", "وأطلقت أنقرة عملية عسكرية جوية ضد حزب العمال الكردستاني في الجبال التي لجأ إليها مقاتلوه شمال العراق.");
    assert!(ev.iter().any(|e| a1(e) == Some("Military Forces of Turkey")), "{ev:#?}");
    // snn-alyaum-1320
    let ev = code("2015-08-05", "إنما ما يتعلق منها بمعركة دمشق، فإن النظام يحشد قواته.");
    assert!(ev.iter().all(|e| a1(e) != Some("Military Forces of Syria") || !e.evidence.text.contains("بمعركة")), "{ev:#?}");
}

/// An armed group that announces a transitive act ("أعلنت ولاية سيناء قتل موظف") did it; a
/// force announcing a death ("أعلن الجيش مقتل ثلاثة جنود") did not.
#[test]
fn claimed_acts_are_the_claimants() {
    // snn-alyaum-2531
    let ev = code("2015-08-07", "أعلنت «ولاية سيناء» قتل موظف أمريكي كان يعمل لدى شركة «أباتشي» النفطية.");
    assert_eq!(ev.first().and_then(a1), Some("Islamic State (Sinai Province)"), "{ev:#?}");
    // snn-alwatan-1761
    let ev = code("2015-08-05", "أعلنت حركة طالبان الباكستانية في بيان أمس المسؤولية عن قتل القاضي طاهر خان نيازي.");
    assert_eq!(ev.first().and_then(a1), Some("Tehrik-i-Taliban Pakistan"), "{ev:#?}");
    // snn-alriyadh-1628: "the police said a police officer was kidnapped" — not by the police.
    let ev = code("2015-07-22", "قالت الشرطة انه تم اختطاف ضابط شرطة تركي في اقليم ديار بكر.");
    assert!(ev.iter().all(|e| a1(e) != Some("Police Forces of Turkey")), "{ev:#?}");
}

/// "اشتباكات ... بين X و Y": the two sides, however far "بين" stands from the clash word,
/// also when a comma puts it in the next clause.
#[test]
fn sides_of_a_clash_between_x_and_y() {
    // snn-okaz-2255
    let ev = code(
        "2015-08-02",
        "أفادت مصادر «عكاظ» أن اشتباكات ليلية وقعت في حي الجهوري والحصبة بالعاصمة صنعاء بين أفراد يعتقد أنهم من المقاومة الشعبية وجماعة الحوثيين بشكل متقطع.",
    );
    let e = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!((a1(e), a2(e)), (Some("Popular Resistance (Yemen)"), Some("Houthis (Ansar Allah)")), "{e:#?}");
    // snn-aawsat-2036
    let ev = code("2015-08-04", "كما دارت اشتباكات على أطراف حي الخالدية شمال حلب، بين قوات النظام مدعومة بقوات الدفاع الوطني، وغرفة عمليات فتح حلب.");
    let e = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!(a1(e), Some("Military Forces of Syria"), "{e:#?}");
}

/// "وقالت مصادر بالقوات إن قوات البيشمركة الكردية اشتبكت ...": the doer is the subject of
/// the reported clause, not the speaker's affiliation.
#[test]
fn subject_of_the_reported_clause() {
    // snn-alriyadh-131
    let ev = code(
        "2015-07-22",
        "وقالت مصادر بالقوات إن قوات البيشمركة الكردية اشتبكت مع عناصر داعش لدى محاولتهم اقتحام قرى الهديدة وتل الريم جنوب غرب كركوك.",
    );
    let e = ev.iter().find(|e| e.sub_event_type == "Armed clash").expect("the clash");
    assert_eq!(a1(e), Some("Peshmerga"), "{e:#?}");
    assert_eq!(a2(e), Some("Islamic State"));
}

/// "في كمين للقوات الموالية للشرعية", "هجوماً للميليشيا الحوثية": the act noun's ل-genitive
/// is the doer; after "التصدي ل" the ل marks the target.
#[test]
fn lam_genitive_of_an_act_noun_is_the_doer() {
    // snn-alweeam-1989
    let ev = code("2015-07-30", "قتل 7 من ميليشيات الحوثي و صالح في كمين للقوات الموالية للشرعية في منطقة الرضمة بمحافظة إب.");
    let e = ev.iter().find(|e| e.event_type == "Battles").expect("the ambush");
    assert_eq!(a1(e), Some("Military Forces of Yemen"), "{e:#?}");
    // snn-aljazirah-798
    let ev = code("2015-07-24", "وأضاف أن الحكومة عازمة على التصدي لتنظيم داعش والمقاتلين الأكراد «على حد سواء».");
    assert!(ev.iter().all(|e| a1(e) != Some("Islamic State")), "{ev:#?}");
    // snn-alriyadh-1959: "بدأت انقرة بشن غارات".
    let ev = code("2015-07-27", "كما بدأت انقرة بشن غارات ضد مواقع للتنظيم في سورية.");
    assert_eq!(ev.first().and_then(a1), Some("Military Forces of Turkey"), "{ev:#?}");
}

/// A call (دعا ... إلى + act) is no act, however far the call word stands.
#[test]
fn a_call_to_act_is_not_an_act() {
    // snn-aawsat-2742
    let ev = code("2015-08-04", "دعا رئيس مجلس النواب عقيلة صالح منتسبي الجيش إلى الانضمام والالتحاق بوحداتهم.");
    assert!(ev.is_empty(), "{ev:#?}");
}

/// Over Yemen in 2015 unnamed aircraft are the Saudi-led coalition's.
#[test]
fn aircraft_over_yemen_are_the_coalitions() {
    // snn-okaz-2204
    let ev = code("2015-08-07", "وفي محافظة أبين تتقدم المقاومة الشعبية نحو زنجبار، حيث يجري الطيران تمشيط الخط الساحلي ويقصف اللواء المتمركز في تلك المنطقة.");
    assert!(ev.iter().any(|e| a1(e) == Some("Saudi-led Coalition")), "{ev:#?}");
    // Elsewhere "الطيران الحربي" is the state's (snn-aawsat-2036, Syria).
    let ev = code("2015-08-04", "كذلك قصف الطيران الحربي مناطق في محيط مطار أبو الظهور العسكري بريف إدلب.");
    assert_eq!(ev.first().and_then(a1), Some("Military Forces of Syria"), "{ev:#?}");
}

/// "ولم تذكر وسائل الإعلام السورية أنباء عن الاحتجاج أو القتل": no act is reported; and
/// "السلطات" and "السلطات السورية" arresting the same day are one act.
#[test]
fn no_news_of_acts_and_one_arrest_told_twice() {
    // snn-alweeam-2032
    let ev = code("2015-08-10", "ولم تذكر وسائل الإعلام السورية أنباء عن الاحتجاج أو الحادث المروري أو القتل.");
    assert!(ev.is_empty(), "{ev:#?}");
    let ev = code(
        "2015-08-10",
        "قالت الوكالة العربية السورية للأنباء يوم الاثنين إن السلطات اعتقلت أحد أقارب الرئيس بشار الأسد. السلطات السورية تعتقل أحد اقارب الأسد بعد احتجاجات",
    );
    assert_eq!(ev.iter().filter(|e| e.sub_event_type == "Arrests").count(), 1, "{ev:#?}");
}

/// One shelling told for the governorate and again for its capital city is one event.
#[test]
fn city_and_its_governorate_are_one_place_for_repeats() {
    // snn-aawsat-2036
    let ev = code(
        "2015-08-04",
        "وأعلن المرصد السوري لحقوق الإنسان، أن قوات النظام قصفت أماكن في منطقتي سلمى وكباني وأماكن أخرى في جبل الأكراد في ريف اللاذقية الشمالي، بينما تعرضت أماكن في منطقتي الكوم وكتف الغدر وقرية غمام بريف اللاذقية الشمالي، لقصف من قبل قوات النظام.",
    );
    assert_eq!(ev.iter().filter(|e| e.sub_event_type == "Shelling/artillery/missile attack").count(), 1, "{ev:#?}");
}

/// A trigger word inside an actor's name ("ميليشيات فجر ليبيا": فجر = "dawn", not "blew
/// up") names no act, and "كان يفترض أن" (was supposed to) is no report.
#[test]
fn trigger_inside_an_actor_name() {
    // snn-aawsat-2742
    let ev = code(
        "2015-08-04",
        "فإن الطائرات الليبية التي كانت تهدف لتحية المواطنين، كان يفترض أن تحلق في سماء عدة مدن بما فيها العاصمة طرابلس التي تسيطر عليها ميليشيات فجر ليبيا بقوة السلاح منذ صيف العام الماضي.",
    );
    assert!(ev.iter().all(|e| e.event_type != "Explosions/Remote violence"), "{ev:#?}");
}

/// Armed acts need an armed side: a politician attacking another in words, or "a scene"
/// withdrawing, is no event.
#[test]
fn figurative_attacks_and_withdrawals() {
    // snn-alriyadh-1959
    let ev = code("2015-07-27", "يهاجم الرئيس التركي والحكومة المحافظة بدون توقف رئيس حزب الشعب الديموقراطي، المؤيد للاكراد، صلاح الدين دميرتاش.");
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-aawsat-2036
    let ev = code("2015-08-04", "وانسحب هذا المشهد على ريف إدلب.");
    assert!(ev.is_empty(), "{ev:#?}");
    // A real withdrawal stays (snn-okaz-2255).
    let ev = code("2015-08-02", "وقالت مصادر ميدانية في محافظة الضالع إن الحوثيين انسحبوا من منطقة قعطبة بعد إنذار.");
    assert!(ev.iter().any(|e| e.mode.as_deref() == Some("withdrawal")), "{ev:#?}");
}

/// "مليشيا الحشد الشعبي" names a militia, not a mobilization; "سيعدمونه ... ما لم" is a
/// conditional threat, not an execution.
#[test]
fn militia_names_and_conditional_threats() {
    // snn-alyaum-293
    let ev = code("2015-07-28", "وتسيطر مليشيا الحشد الشعبي والجيش على معظم محافظة ديالى التي تقع فيها البلدتان.");
    assert!(ev.iter().all(|e| e.mode.as_deref() != Some("mobilization")), "{ev:#?}");
    // snn-alyaum-2531
    let ev = code("2015-08-07", "وقال التنظيم إن خاطفيه سيعدمونه في غضون 48 ساعة ما لم تطلق الحكومة المصرية سراح «نساء مسلمات» معتقلات.");
    assert!(ev.iter().all(|e| e.mode.as_deref() != Some("execution")), "{ev:#?}");
}

/// "في هجوم مماثل" (in a similar attack) is of the kind of the article's lead act.
#[test]
fn a_similar_attack_is_of_the_lead_acts_kind() {
    // snn-alriyadh-1835
    let ev = code(
        "2015-07-26",
        "اصيب 18 شرطيا مصريا على الاقل الاحد في انفجار عبوة ناسفة استهدف حافلة كانوا يستقلونها قرب مدينة العريش في شمال سيناء. واصيب عشرون شرطيا في طريقهم لقضاء اجازتهم في هجوم مماثل استهدف حافلتهم في العريش في 9 يوليو الجاري.",
    );
    let e = ev.iter().find(|e| e.evidence.text.contains("مماثل")).expect("the similar attack");
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED", "{e:#?}");
    assert_eq!(e.date.start.as_deref(), Some("2015-07-09"));
}

/// "الكاميرون" is Cameroon, not David Cameron (كاميرون): a person or government named
/// without the article does not match the word with it.
#[test]
fn cameroon_is_not_cameron() {
    // snn-aawsat-568
    let ev = code("2015-07-23", "تفجير انتحاري مزدوج في شمال الكاميرون يوقع 11 قتيلا.");
    assert!(ev.iter().all(|e| a1(e) != Some("David Cameron") && a2(e) != Some("David Cameron")), "{ev:#?}");
    assert!(!ev.is_empty());
}

/// Ground taken after fighting is one event, the territory change; an aim ("من أجل
/// السيطرة"), an attempt ("لدى محاولتهم اقتحام"), a name ("معركة تحرير عدن") or a relative
/// clause of background ("الذين سيطروا على مناطق شاسعة") leaves the clash.
#[test]
fn ground_taken_in_the_fighting_is_the_event() {
    // snn-alweeam-1416
    let ev = code("2015-08-04", "سيطرت المقاومة الشعبية اليوم على قاعدة العند الاستراتيجية في اليمن بعد معارك عنيفة مع الحوثيين.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(ev[0].sub_event_type, "Government regains territory");
    // snn-aawsat-1332: "تمكنت من السيطرة" tells it as done.
    let ev = code(
        "2015-08-10",
        "فقد أفاد ناشطون بأن قوات المعارضة «تمكنت من السيطرة الكاملة على مبنى وحدة المياه في حي جوبر الدمشقي بعد اشتباكات عنيفة خاضها الفيلق مع قوات النظام».",
    );
    assert!(ev.iter().any(|e| e.sub_event_type == "Non-state actor overtakes territory"), "{ev:#?}");
    // snn-alweeam-2089: fighting "من أجل السيطرة" is still fighting.
    let ev = code(
        "2015-08-04",
        "أعلنت مصادر بالمعارضة السورية أن الفصائل المقاتلة تخوض معارك مستمرة مع قوات النظام من أجل السيطرة على بلدتي الفوعة وكفرية المواليتين للنظام بريف إدلب.",
    );
    assert!(!ev.is_empty() && ev.iter().all(|e| e.sub_event_type == "Armed clash"), "{ev:#?}");
    // snn-alriyadh-131: an attempt to storm villages.
    let ev = code(
        "2015-02-20",
        "وقالت مصادر بالقوات إن قوات البيشمركة الكردية اشتبكت مع عناصر داعش لدى محاولتهم اقتحام قرى الهديدة والفسلوج التابعة لناحية كفري ما أسفر عن مقتل 22 مسلحا.",
    );
    assert!(!ev.is_empty() && ev.iter().all(|e| e.sub_event_type == "Armed clash"), "{ev:#?}");
    // snn-alweeam-1635: "تحت سيطرة" is a state, not an act.
    let ev = code("2015-08-04", "واندلعت اشتباكات في أنحاء محافظة لحج بجنوب البلاد والتي باتت أغلب مناطقها تحت سيطرة القوات الموالية للحكومة المدعومة من السعودية.");
    assert!(!ev.is_empty() && ev.iter().all(|e| e.sub_event_type == "Armed clash"), "{ev:#?}");
}

/// Killings in a battle are summed over the sides when the text counts each side in the
/// same sentence — but the same dead told twice are not added.
#[test]
fn the_other_sides_dead_add_to_a_battles_toll() {
    // snn-alriyadh-1720
    let ev = code(
        "2015-07-20",
        "وذكرت مصادر \"الرياض\" أن الاشتباكات في تعز أدت إلى مقتل 20 حوثيا، وإصابة 30 آخرين، في حين أسفرت عن مقتل 6 مقاومين وإصابة 22 آخرين.",
    );
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(fatalities(&ev[0]), Some((26, Some(26))));
    // snn-aawsat-1324: an open count ("أكثر من 20") keeps the sum open.
    let ev = code(
        "2015-04-27",
        "وأكدت مصادر لـ«الشرق الأوسط» أن «الاشتباكات في مدينة تعز بين المقاومة والمسلحين الحوثيين أدت إلى مقتل أكثر من 20 مسلحا حوثيا وإصابة أكثر من 30 آخرين، بينما أسفرت عن مقتل ما يقارب 6 من المقاومة وإصابة آخرين».",
    );
    assert_eq!(fatalities(&ev[0]), Some((27, None)), "{ev:#?}");
    // snn-alweeam-1989: "و6 كانوا على متن عربة" adds to the 8.
    let ev = code(
        "2015-08-10",
        "وشنت طائرات التحالف غارات على مواقع وتعزيزات المليشيات الحوثي وصالح بجبهة مجزر وأسفرت الغارات عن مقتل 8 بموقع بحلحلان و6 كانوا على متن عربة استهدفتها طائرات التحالف.",
    );
    assert_eq!(fatalities(&ev[0]), Some((14, Some(14))), "{ev:#?}");
    // snn-aawsat-136: two speakers' "about 20" and "more than 20" are one toll.
    let ev = code(
        "2015-06-17",
        "ووقعت الهجمات الثلاثة المتزامنة، مساء أول من أمس، كما وقعت هجمات أخرى أمس، وكان أكثرها دموية في قرية نغامدو التي قتل فيها نحو 20 شخصًا، بحسب النائب محمد ساندو، الذي قال لوكالة الصحافة الفرنسية: «لقد أقام مسلحو بوكو حرام حاجزًا، أمس، على الطريق السريع بين داماتورو وميديغوري على مشارف نغامدو، وهاجموا السائقين، وقتلوا أكثر من 20 شخصًا».",
    );
    assert!(ev.iter().all(|e| e.fatalities.as_ref().is_none_or(|f| f.min <= 21)), "{ev:#?}");
}

/// More dead that the text does not count ("وقتل من بداخلهما") make the count a lower
/// bound; a count after another act's word ("وأسر عشرات") is not of the dead, unless they
/// were then killed ("أسروا ثمانية من الركاب وقتلوهم").
#[test]
fn uncounted_dead_and_counts_of_other_acts() {
    // snn-alyaum-293
    let ev = code(
        "2015-02-20",
        "وذكرت الخلية في بيان لها، أن \"قيادة عمليات بغداد واصلت تطهير ناحية الكرمة والمناطق المحيطة بها، ضمن عملية فجر الكرمة، وكانت النتائج قتل 21 إرهابيا، وتدمير مركبتين تحملان رشاشات أحادية وقتل من بداخلهما، فضلا عن تدمير 3 رشاشات وقتل طواقمها\".",
    );
    assert!(ev.iter().any(|e| fatalities(e) == Some((21, None))), "{ev:#?}");
    // snn-3alyoum-703: one killed, thirteen arrested.
    let ev = code(
        "2015-07-24",
        "وقالت وزارة الداخلية في بيان ان قوات الأمن قتلت مسلحا واعتقلت 13 آخرين في عملية استباقية نوعية في سجنان التابعة لمحافظة بنزرت.",
    );
    assert!(ev.iter().all(|e| fatalities(e).is_none_or(|f| f == (1, Some(1)))), "{ev:#?}");
    assert!(ev.iter().any(|e| fatalities(e) == Some((1, Some(1)))), "{ev:#?}");
    // snn-aawsat-136
    let ev = code("2015-06-17", "مضيفًا أن «المسلحين أسروا ثمانية من الركاب وقتلوهم بإطلاق النار على رؤوسهم».");
    assert!(ev.iter().any(|e| fatalities(e) == Some((8, Some(8)))), "{ev:#?}");
}

/// An actor past a target verb or a target noun ("استهدف مسجد القوات") is the target, and
/// a bombing told later as a suicide attack by an unnamed doer is the same act.
#[test]
fn targets_and_a_bombing_retold_as_suicide() {
    // snn-alriyadh-3655
    let ev = code(
        "2015-08-07",
        "استشهد عشرة من منسوبي قوات الطوارىء الخاصة وثلاثة آخرون وأصيب تسعة آخرين ثلاثة منهم إصاباتهم بالغة في تفجير إرهابي جبان استهدف مسجد القوات في منطقة عسير.\nوقال المتحدث الأمني بوزارة الداخلية \"إنه أثناء قيام مجموعة من منسوبي قوات الطوارىء الخاصة بمنطقة عسير بأداء صلاة الظهر جماعة في مسجد مقر القوات، حدث تفجير في جموع المصلين نتج عنه استشهاد عشرة من منسوبي القوات إضافة إلى ثلاثة من العاملين في الموقع\".\nوأضاف \"عثر في الموقع على أشلاء يعتقد أنها ناتجة عن تفجير بأحزمة ناسفة، ولا يزال الحادث محل متابعة الجهات الأمنية المختصة\".",
    );
    let bombs: Vec<_> = ev.iter().filter(|e| e.event_type == "Explosions/Remote violence").collect();
    assert_eq!(bombs.len(), 1, "{ev:#?}");
    assert_eq!(bombs[0].sub_event_type, "Suicide bomb");
    assert_eq!(fatalities(bombs[0]), Some((13, Some(13))));
    assert_ne!(bombs[0].actor1.as_ref().map(|a| a.kind.as_str()), Some("state-forces"), "{ev:#?}");
}

/// One dead person named but not counted: a death noun before a name ("مقتل محسن
/// الفضلي"، "مقتل أبو خليل"), or a singular passive verb with where or how after it ("الذي
/// قتل في هجوم"). Told as one of a battle's dead ("قتل في إحدى المعارك") it is a lower bound.
#[test]
fn one_named_dead() {
    // snn-almadina-549
    let ev = code("2015-07-23", "أعلنت وزارة الدفاع الأمريكية، البنتاغون، أمس عن مقتل محسن الفضلي، زعيم جماعة خراسان، في غارة أمريكية مطلع يوليو/تموز الحالي.");
    let e = ev.iter().find(|e| e.sub_event_type == "Air/drone strike").expect("the strike");
    assert_eq!(fatalities(e), Some((1, Some(1))), "{ev:#?}");
    // snn-alwatan-1871
    let ev = code("2015-08-08", "وكانت نسرين أسعد إبراهيم المعروفة باسم أم سياف زوجة أبو سياف الذي قتل في هجوم للقوات الأميركية الخاصة في سورية في مايو.");
    assert_eq!(ev.len(), 1, "{ev:#?}");
    assert_eq!(fatalities(&ev[0]), Some((1, Some(1))), "{ev:#?}");
    // snn-aawsat-2671: killed in one of the battles — at least one dead in that battle.
    let ev = code("2015-08-09", "وهذان النائبان هما سامر الخلفاوي، العقيد السابق في القوات الجوية الذي قتل في إحدى المعارك في سوريا عام 2014.");
    let e = ev.iter().find(|e| e.event_type == "Battles").expect("the battle");
    assert_eq!(fatalities(e), Some((1, None)), "{ev:#?}");
    // The verbal noun is not the passive verb: "عمليات القتل في" counts nobody (snn-aleqtisadiya-2585).
    let ev = code("2015-08-09", "تقول إحدى نساء البلدة في جينتشينج كانت قد شهدت عمليات القتل في فويو \"نحن نعيش في مثل هذا المكان الصغير والبعيد\".");
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
    // Nor a plural: "الذين قتلوا في" leaves the number unknown (snn-aawsat-140).
    let ev = code("2015-07-21", "ولكن ليس لدينا تفاصيل عن العدد الفعلي للاشخاص الذين قتلوا في الهجوم.");
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
}

/// Ambiguous death and burning words need people beside them (`needs` in triggers.toml):
/// "سقوط" is a death only before a count of people, "حرق" a killing only of people, and
/// bodies counted give the toll of an act told beside them, never an act of their own.
#[test]
fn falls_burnings_and_bodies() {
    // snn-aleqtisadiya-1190: "سقوط ثمانية حوثيين" — eight Houthis fell in the ambushes.
    let ev = code(
        "2015-07-31",
        "وقال قيادي في المقاومة بالضالع إن المواجهات مستمرة، بخلاف سقوط ثمانية حوثيين وجرح أربعة آخرين في كمينين منفصلين للمقاومة الشعبية في منطقة الأبحور قعطبة التابعة لمحافظة الضالع.",
    );
    assert!(ev.iter().any(|e| fatalities(e) == Some((8, Some(8)))), "{ev:#?}");
    // snn-alriyadh-2584: a man fell into a well — no violence.
    let ev = code(
        "2015-08-02",
        "وذكر النقيب نايف الجهني المتحدث الرسمي المكلف في إدارة الدفاع المدني بالمنطقة أن مركز التحكم والتوجيه بمحافظة الحناكية تبلغ عن حادثة سقوط شخص ببئر في مركز الهميج.",
    );
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-was-193: a school building burnt is no killing.
    let ev = code(
        "2015-08-10",
        "حيث شن مسلحون مجهولون هجوماً عليهم، وقاموا بحرق مبنى المدرسة وساقوا العمال العشرة إلى مكان مجهول.",
    );
    assert!(ev.iter().all(|e| e.fatalities.is_none() && e.mode.as_deref() != Some("execution")), "{ev:#?}");
    // snn-aawsat-2278: bodies recovered after a shipwreck are no act of violence.
    let ev = code("2015-08-06", "ونجحت عملية إغاثة مكثفة في إنقاذ 400 من الناجين كما نقلت 25 جثة، بحسب آخر حصيلة لقوات خفر السواحل الإيطالية.");
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-alriyadh-2935: bodies found on the fighters' way are the fighting's dead.
    let ev = code(
        "2015-08-04",
        "وقالت مصادر محلية ان 10 جثث عثر عليها في طريق المقاومة أثناء تقدمها جنوبا فيما دارت اشتباكات عنيفة بالمنطقة وسط استخدام نيران السلاح الثقيل.",
    );
    assert!(ev.iter().any(|e| e.event_type == "Battles" && fatalities(e).is_some_and(|f| f.0 >= 10)), "{ev:#?}");
}

/// "تعرضوا لهجوم", "تعرضت لإطلاق نار": the ل that تعرض governs is no purpose; the attack is
/// reported.
#[test]
fn subjected_to_an_attack_is_a_report() {
    // snn-alriyadh-375
    let ev = code(
        "2015-07-22",
        "اكدت وزراة الدفاع الجزائرية في بيان مقتل تسعة من جنود الجيش وجرح اثنين آخرين بعد تعرضهم لاطلاق نار بولاية عين الدفلى على بعد 150 كيلومترا جنوب غرب العاصمة الجزائرية.",
    );
    let e = ev.iter().find(|e| fatalities(e) == Some((9, Some(9)))).expect("the attack with its nine dead");
    assert_eq!(e.status, "occurred", "{e:#?}");
    assert_eq!(e.location.country.as_deref(), Some("DZ"));
}

/// Died of wounds is a death ("توفي متأثرا بإصابته"); a death without "of wounds" is not
/// an act of violence.
#[test]
fn died_of_wounds() {
    // snn-aawsat-105
    let ev = code("2015-07-21", "وأعلنت البحرية الأميركية أن «عنصرًا في البحرية توفي متأثرًا بإصابته خلال إطلاق النار».");
    assert!(ev.iter().any(|e| fatalities(e) == Some((1, Some(1)))), "{ev:#?}");
    // snn-alweeam-455
    let ev = code("2015-07-21", "وقالت وهي تبكي إنها كانت واثقة أن روح ابنها الآخر شون الذي توفي في حادث سيارة قبل 17 عاما كانت تحرس أخيه.");
    assert!(ev.is_empty(), "{ev:#?}");
}

/// A toll told in the lead and then broken down into the acts that make it up is a
/// summary: the acts are the events, each with its own toll ("وجنديين اثنين" counts 2).
#[test]
fn a_total_broken_down_is_not_an_event() {
    // snn-alyaum-1609
    let ev = code(
        "2015-08-02",
        "أفادت مصادر طبية وأمنية وعسكرية عراقية السبت بمقتل ثمانية من عناصر تنظيم داعش وخمسة مدنيين وجنديين اثنين في أعمال عنف بمحافظة الأنبار.\nوقالت المصادر لوكالة الأنباء الألمانية: إن القوات العسكرية المتمركزة خارج أسوار قضاء الفلوجة أطلقت قذائف الهاون والدبابات بشكل عشوائي على الأحياء السكنية شمال ووسط وغربي الفلوجة ما تسبب بمقتل خمسة مدنيين وجرح 11 آخرين بينهم نساء وأطفال.\nوأوضحت أن مسلحين من تنظيم داعش شنوا هجومًا استهدف تجمعًا لقوات الجيش العراقي في منطقة الطاش جنوبي الرمادي استخدم خلالها أسلحة متوسطة فضلًا عن قذائف، ما تسبب بمقتل جنديين وجرح ثلاثة آخرين تم نقلهم الى المستشفى وتدمير مدرعة عسكرية.\nوأشارت المصادر إلى مقتل ثمانية من تنظيم داعش وتدمير عجلتين عسكريتين في غارة جوية لطيران التحالف الدولي في منطقة جويبة غربي الرمادي.",
    );
    let mut tolls: Vec<u64> = ev.iter().filter_map(|e| e.fatalities.as_ref().map(|f| f.min)).collect();
    tolls.sort();
    assert_eq!(tolls, vec![2, 5, 8], "{ev:#?}");
    // The lead alone is an event with all its dead.
    let ev = code("2015-08-02", "أفادت مصادر طبية وأمنية وعسكرية عراقية السبت بمقتل ثمانية من عناصر تنظيم داعش وخمسة مدنيين وجنديين اثنين في أعمال عنف بمحافظة الأنبار.");
    assert_eq!(ev.iter().map(fatalities).collect::<Vec<_>>(), vec![Some((15, Some(15)))], "{ev:#?}");
}

/// One toll of a battle and the strikes told with it is the battle's (annotation guide:
/// strikes in support of a ground battle belong to the battle event).
#[test]
fn a_shared_toll_goes_to_the_battle() {
    // snn-alriyadh-2300
    let ev = code(
        "2015-08-01",
        "وفي محافظة مأرب، قتل 18 على الأقل من مسلحي الحوثي وصالح وجرح آخرون في مواجهات مع المقاومة الشعبية والجيش وغارات لطيران التحالف مساء الخميس وصباح الجمعة.",
    );
    let e = ev.iter().find(|e| e.fatalities.is_some()).expect("the toll");
    assert_eq!(e.sub_event_type, "Armed clash", "{ev:#?}");
    assert_eq!(fatalities(e), Some((18, None)));
}

/// Aircraft, rockets and shells name a strike only when the clause tells they were used
/// (fired, dropped, struck, aimed at something, or someone hurt).
#[test]
fn aircraft_and_rockets_need_use() {
    // snn-alwatan-6: warplanes heard circling.
    let ev = code("2015-07-21", "وكانت مصادر سمعت خلال النهار طائرات حربية تحوم فوق بنغازي الواقعة على بعد نحو 20 كيلومترا من المريسة.");
    assert!(ev.iter().all(|e| e.event_type != "Explosions/Remote violence"), "{ev:#?}");
    // snn-alriyadh-3153: a base described; snn-aawsat-460: an arsenal.
    let ev = code("2015-08-06", "وتحوي القاعدة لواءين من القوات البرية هما اللواء 210 مشاة ميكا واللواء 201 مشاة ميكا، ولواءين من القوات الجوية هما اللواء 39 واللواء 90 طيران، وأقساما تابعة لكلية للطيران والدفاع الجوية، ومراكز تدريب على الطيران الحربي.");
    assert!(ev.is_empty(), "{ev:#?}");
    let ev = code("2015-07-21", "ويوضح أحد شهود العيان ممن كان يعمل بالقرب من معسكرات المتطرفين في درنة أن الميليشيات هناك تمتلك ترسانة من المضادات الأرضية والصواريخ والأسلحة المتوسطة والخفيفة.");
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-alyaum-144: rockets and barrel bombs aimed at the town.
    let ev = code("2015-07-21", "وفي الزبداني، استمرت حملة قوات النظام السوري ومرتزقة حزب الله على المدينة، وتم استهدافها بعشرات الصواريخ الفراغية والبراميل المتفجرة.");
    assert!(ev.iter().any(|e| e.event_type == "Explosions/Remote violence"), "{ev:#?}");
    // snn-okaz-2074: the coalition's aircraft stepped up their attacks.
    let ev = code("2015-08-06", "إلى ذلك، كثف طيران التحالف العربي من هجماته على مواقع استراتيجية عسكرية للحوثي في صعدة والضالع والبيضاء.");
    let e = ev.iter().find(|e| e.sub_event_type == "Air/drone strike").expect("the strikes");
    assert_eq!(e.actor1.as_ref().map(|a| a.name.as_str()), Some("Saudi-led Coalition"), "{ev:#?}");
}

/// Talk of the war rather than of an act: fighting "for four months now", the dead named
/// only in prayers and condolences, a chant for an execution.
#[test]
fn the_war_described_is_no_act() {
    // snn-alyaum-1732
    let ev = code("2015-08-03", "وتشهد مدينة تعز مواجهات عنيفة منذ حوالي أربعة أشهر، بعد زحف الحوثيين وقوات صالح الى المدينة والسيطرة على أجزاء واسعة منها.");
    assert!(ev.iter().all(|e| e.sub_event_type != "Armed clash"), "{ev:#?}");
    // snn-alyaum-2454: the span is the blockade's, the strike is an act.
    let ev = code("2015-08-08", "وكان صاروخ أُطلق من قطاع غزة وسقط في إسرائيل في 16 يوليو الماضي، شنت على إثره طائرات حربية إسرائيلية غارة على القطاع المحاصر منذ تسع سنوات.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Air/drone strike"), "{ev:#?}");
    // snn-alwatan-2118: a chant.
    let ev = code("2015-08-10", "وظهر المعتصمون في مقطع فيديو نشر على وسائل التواصل الاجتماعي وهم يهتفون \"الشعب يريد إعدام سليمان\".");
    assert!(ev.iter().all(|e| e.event_type != "Violence against civilians"), "{ev:#?}");
    // Care for the families of the dead (a governor's priorities).
    let ev = code("2015-07-25", "وأكد البكري أن من أولوياته كمحافظ لعدن خلال الشهرين القادمين هو دعم المقاومة في عدن ورعاية أسر الشهداء والجرحى وتثبيت الأمن والاستقرار.");
    assert!(ev.iter().all(|e| e.event_type != "Violence against civilians"), "{ev:#?}");
}

/// Sport is not war: friendly "مواجهات" and a team's lead tell no act; a stadium blown up
/// or shelled still does.
#[test]
fn sport_is_not_war() {
    // snn-aleqtisadiya-250
    let ev = code("2015-07-21", "وسيخوض التعاون أربع مواجهات ودية يفتتحها بلقاء بني ياس الإماراتي، ثم الوصل الإماراتي، فنيس الهولندي، وإيجلز الهولندي.");
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-arreyadi-52
    let ev = code("2015-07-21", "ويضيف ياكونان الهدف الثاني الشخصي له في اللقاء والثالث لفريقه في الوقت بدل الضائع من نهاية الشوط الاول من كرة رأسية جميلة، لينتهي الشوط الأول بتقدم الاتحاد بثلاثة اهداف مقابل لا شيء.");
    assert!(ev.is_empty(), "{ev:#?}");
    // snn-okaz-154: shelling of positions and the sports stadium.
    let ev = code("2015-07-21", "كما استهدف القصف مواقع للحوثيين في سناح والملعب الرياضي.");
    assert!(ev.iter().any(|e| e.event_type == "Explosions/Remote violence"), "{ev:#?}");
}

/// Ground told from the side that lost it: "سقطت بأيدي X" was taken by X; "فقدت Y السيطرة
/// على" was taken from Y. Reconnaissance flights are surveillance.
#[test]
fn territory_lost_and_surveillance() {
    // snn-aawsat-792: and the relative clause is about the place named right before it.
    let ev = code("2015-07-24", "ومن المقرر أن يلتقي كارتر وفدًا عشائريا من محافظة الانبار، التي يسيطر التنظيم على مساحات واسعة منها، لا سيما مدينة الفلوجة (منذ مطلع العام 2014)، والرمادي مركز المحافظة، التي سقطت بيد المتطرفين اثر هجوم واسع في مايو (أيار) الماضي.");
    let e = ev.iter().find(|e| e.mode.as_deref() == Some("territorial-loss")).expect("the fall of Ramadi");
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory", "{e:#?}");
    assert_eq!(e.location.name.as_deref(), Some("Ramadi"), "{e:#?}");
    assert_eq!(e.date.start.as_deref(), Some("2015-05-01"));
    // A place lost: the loser, a government, is actor2 and the ground went to a non-state
    // actor (snn-alwatan-6).
    let ev = code("2015-07-21", "وقال مسؤول عسكري في المريسة إن السفن كانت صغيرة بحجم زوارق صيد وجاءت من غرب ليبيا الذي تسيطر عليه حكومة موازية للحكومة المعترف بها دوليا والمتمركزة في الشرق منذ خسرت السيطرة على طرابلس العاصمة قبل عام.");
    let e = ev.iter().find(|e| e.mode.as_deref() == Some("territorial-loss")).expect("the loss of Tripoli");
    assert_eq!(e.actor2.as_ref().map(|a| a.kind.as_str()), Some("government"), "{e:#?}");
    assert_eq!(e.sub_event_type, "Non-state actor overtakes territory");
    // snn-aawsat-2585: May dates the fall of Palmyra told in a relative clause, not the
    // kidnapping told before it.
    let ev = code("2015-08-09", "وقال الناشط أبو محمد المتابع لنشاط «داعش» لـ«الشرق الأوسط»، إن التنظيم اختطف 220 شخصًا من القريتين معظمهم من المسيحيين، لافتًا إلى أن المعلومات تفيد بنقلهم إلى مدينة تدمر التي سقطت بأيدي عناصره في مايو (أيار) الماضي.");
    let k = ev.iter().find(|e| e.sub_event_type == "Abduction/forced disappearance").expect("the kidnapping");
    assert_ne!(k.date.start.as_deref(), Some("2015-05-01"), "{k:#?}");
    let t = ev.iter().find(|e| e.mode.as_deref() == Some("territorial-loss")).expect("the fall of Palmyra");
    assert_eq!(t.date.start.as_deref(), Some("2015-05-01"), "{t:#?}");
    // snn-aleqtisadiya-411: a reconnaissance drone found fallen in the desert.
    let ev = code("2015-07-22", "وعثرت شرطة محافظة المثنى جنوبي العراق، أمس، على طائرة استطلاع أمريكية الصنع سقطت في بادية السماوة مركز المحافظة، من دون الكشف عن أسباب سقوطها.");
    assert!(ev.iter().all(|e| e.event_type != "Explosions/Remote violence"), "{ev:#?}");
    assert!(ev.iter().any(|e| e.mode.as_deref() == Some("surveillance")), "{ev:#?}");
}

/// "At least" after the victims' name still bounds the count; the dead "since then" are not
/// the toll of the act told before, and a war's uncounted dead since then are no act.
#[test]
fn at_least_and_since_then() {
    // snn-alwatan-1109
    let ev = code("2015-08-02", "قتل 25 مقاتلاً من المعارضة السورية على الأقل خلال محاولة هجوم فاشلة قاموا بها على قاعدة عسكرية في محافظة حلب، شمال البلاد، حسبما أفاد المرصد السوري لحقوق الإنسان أمس.");
    assert!(ev.iter().any(|e| fatalities(e) == Some((25, None))), "{ev:#?}");
    // snn-aawsat-2024 (after a clash told in the previous sentence, from snn-aawsat-1129).
    let ev = code(
        "2015-08-04",
        "وأكد المسؤول الإعلامي للجناح العسكري للحزب بختيار دوغان، قصف الطائرات التركية لـ«مواقعنا في الشريط الحدودي مع قصف مكثف للمدفعية». وبدأ الحزب الكردي المحظور تمرده للحصول على حكم ذاتي في 1984، ومنذ ذلك الوقت قتل عشرات الآلاف.",
    );
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
    assert!(ev.iter().all(|e| e.event_type != "Violence against civilians"), "{ev:#?}");
}

/// A report without a place past the lead's paragraph is about the whole conflict: it takes
/// the article's country, not the lead's town (snn-okaz-8, its first and last paragraphs).
#[test]
fn far_from_the_lead_a_placeless_act_takes_the_country() {
    let ev = code(
        "2015-07-20",
        "ارتكبت ميليشيات الحوثي وقوات الرئيس المخلوع علي عبدالله صالح أمس مجزرة راح ضحيتها 57 قتيلا بينهم 12 طفلا على الأقل، وأصيب نحو 225 آخرون بجروح بينهم 25 طفلا و15 امرأة في قصف عنيف بصواريخ الكاتيوشا استهدف أحياء دار سعد الواقع بين محافظتي عدن ولحج جنوب البلاد.\nوأوضح سكان محليون لـ «عكاظ» أن حصيلة قتلى القصف بالكاتيوشا على أحياء سكنية في تلك المدينة بلغت 57 قتيلا فيما أصيب أكثر من 100 آخرين.\nوفي سياق متصل، نجحت طائرات التحالف العربي في تدمير بعض المواقع للحوثيين في منطقة رأس عيسى ومعسكر الصليف شمال مدينة الحديدة وعلى خطوط الإمداد في البحر الأحمر.\nهذه التطورات الميدانية، تأتي في ظل انحسار واضح للانقلابيين من الحوثيين وقوات صالح على الأرض وتقدم مقاتلي المقاومة على أكثر من محور، في ظل إطار جوي من قبل التحالف العربي الذي دمر الركيزة الأساسية من سلاح الحوثي.",
    );
    let lead = ev.iter().find(|e| e.fatalities.as_ref().is_some_and(|f| f.min == 57)).expect("the massacre");
    assert_ne!(lead.location.precision, "country", "{lead:#?}");
    let last = ev.iter().filter(|e| e.evidence.start >= 549).last().expect("an act in the last paragraph");
    assert_eq!(last.location.precision, "country", "{ev:#?}");
    assert_eq!(last.location.country.as_deref(), Some("YE"));
}

/// Shells and strikes on homes, hospitals and villages target civilians when no side is
/// named — not a commander's house or a village held by a named armed group.
#[test]
fn strikes_on_homes_target_civilians() {
    // snn-alyaum-280
    let ev = code("2015-07-22", "من جهة أخرى، قالت مصادر في تعز إن الحوثيين وقوات صالح قصفوا مستشفى الثورة العام في المدينة، مما تسبب في وقوع أضرار في قسمي الإنعاش وغسيل الكلى.");
    let e = ev.iter().find(|e| e.event_type == "Explosions/Remote violence").expect("the shelling");
    assert_eq!(e.actor2.as_ref().map(|a| a.kind.as_str()), Some("civilians"), "{e:#?}");
    // snn-aawsat-54
    let ev = code("2015-07-21", "من جانب آخر، شن طيران التحالف العربي غارات جوية استهدفت منزل قائد عسكري موال لصالح في محافظة صنعاء.");
    let e = ev.iter().find(|e| e.event_type == "Explosions/Remote violence").expect("the strikes");
    assert_ne!(e.actor2.as_ref().map(|a| a.kind.as_str()), Some("civilians"), "{e:#?}");
    // snn-alyaum-294
    let ev = code("2015-07-22", "كما شنت قوات النظام غارات على قرية كفر داعل التي تسيطر عليها المعارضة المسلحة في ريف حلب الغربي.");
    let e = ev.iter().find(|e| e.event_type == "Explosions/Remote violence").expect("the strikes");
    assert_ne!(e.actor2.as_ref().map(|a| a.kind.as_str()), Some("civilians"), "{e:#?}");
}

/// A named person the lexicon does not know who suffered the act is actor2, in Arabic as
/// written and in a Latin spelling.
#[test]
fn named_victims() {
    // snn-alweeam-753
    let ev = code("2015-07-24", "وذكر البنتاجون أن الغارة استهدفت أبو خليل السوداني وأنه قتل في ضربة وقعت في 11 يوليو تموز في منطقة برمال باقليم بكتيكا الافغاني.");
    let e = ev.iter().find(|e| e.sub_event_type == "Air/drone strike").expect("the strike");
    let a = e.actor2.as_ref().expect("the person targeted");
    assert_eq!(a.name_ar, "أبو خليل السوداني");
    assert_eq!(a.name, "Abu Khlil al-Sudani");
    // snn-3alyoum-2057: a colonel killed — a person of the state's forces.
    let ev = code("2015-08-09", "قالت وكالة الأنباء السورية “سانا” الموالية لبشار الأسد، إن الأجهزة الأمنية ألقت القبض على المشتبه به “سليمان الأسد” قريب بشار الأسد، على خلفية جريمة قتل العقيد حسان الشيخ في مدينة اللاذقية.");
    let a = ev.iter().filter_map(|e| e.actor2.as_ref()).find(|a| a.name_ar == "حسان الشيخ").expect("the colonel");
    assert_eq!(a.kind, "state-forces");
    // snn-aawsat-2790: "البالغ من العمر" is said of the person, not part of the name.
    let ev = code("2015-08-10", "وشهدت فيرغسن في وسط الولايات المتحدة اضطرابات بعد مقتل الشاب الأعزل مايكل براون البالغ من العمر 18 عاما برصاص الشرطي دارن ولسن في 9 اب/اغسطس 2014.");
    assert!(ev.iter().filter_map(|e| e.actor2.as_ref()).all(|a| !a.name_ar.contains("البالغ")), "{ev:#?}");
}

/// A force's strikes with a possessive pronoun ("غاراتها", "قصفه") are strikes.
#[test]
fn strikes_with_a_pronoun() {
    // snn-alwatan-3
    let ev = code("2015-07-21", "في سياق متصل، عاودت طائرات التحالف العربي مساء أول من أمس، غاراتها الجوية على العاصمة اليمنية صنعاء.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Air/drone strike"), "{ev:#?}");
    // snn-aawsat-19
    let ev = code("2015-07-21", "كما كثف طيران النظام قصفه على جبهة مدينة الزبداني في ريف دمشق الغربي.");
    assert!(ev.iter().any(|e| e.event_type == "Explosions/Remote violence"), "{ev:#?}");
}

/// The sub-event type from the words around the act: aircraft that shell strike from the
/// air; an operation under way to free a place is fighting, not ground taken; a raid with no
/// arrest told is no arrest; the act answered ("ردا على ...") is not the one told.
#[test]
fn sub_event_types_from_context() {
    // snn-alriyadh-1102
    let ev = code("2015-07-24", "وكان الطيران قصف في وقت سابق خطوطا وجسورا تربط بين صنعاء ومأرب وبين عمران وصعدة.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Air/drone strike"), "{ev:#?}");
    // snn-alwatan-234
    let ev = code("2015-07-23", "وأضاف أن القوات الأمنية بمشاركة متطوعي العشائر حققت تقدما في عملية تحرير مناطق واسعة شرق مدينة الرمادي من داعش.");
    assert!(ev.iter().all(|e| e.sub_event_type != "Government regains territory"), "{ev:#?}");
    // snn-aawsat-465
    let ev = code("2015-07-21", "وأجرى الجيش مداهمات جديدة في المناطق الحدودية في الشيخ زويد ورفح.");
    assert!(ev.iter().all(|e| e.sub_event_type != "Arrests"), "{ev:#?}");
    // snn-aawsat-1158: the Kurdish party's act answers the suicide bombing told elsewhere.
    let ev = code("2015-07-26", "وقالت إن هذه العملية هي رد على الهجوم الانتحاري الذي استهدف في سروج (جنوب) ناشطين مؤيدين للقضية الكردية.");
    assert!(ev.iter().all(|e| e.sub_event_type != "Suicide bomb"), "{ev:#?}");
}

/// A contextual actor with a nationality adjective is of that nation ("الشرطة الهندية" in
/// an article that names Pakistan more), and a state's police arrests in that state;
/// storming a building is fighting, not ground taken.
#[test]
fn nationality_of_contextual_actors() {
    // snn-okaz-1279
    let ev = code("2015-07-31", "أعلنت وزارة الداخلية الكويتية أمس قيام أجهزة الأمن بكشف وضبط «عناصر شبكة إرهابية تنتمي لتنظيم داعش تضم خمسة كويتيين».");
    let e = ev.iter().find(|e| e.sub_event_type == "Arrests").expect("the arrests");
    assert_eq!(e.actor1.as_ref().map(|a| a.name.as_str()), Some("Police Forces of Kuwait"), "{e:#?}");
    assert_eq!(e.location.country.as_deref(), Some("KW"));
    // snn-alyaum-1027
    let ev = code(
        "2015-07-27",
        "قالت الشرطة الهندية إن العملية الأمنية ضد مسلحين اقتحموا مركزا للشرطة اليوم الاثنين في ولاية البنجاب انتهى.\nوتتهم الهند عدوها القديم باكستان بتدريب وتسليح متشددين في كل من البنجاب وجامو وكشمير وهو ما تنفيه إسلام أباد.",
    );
    let e = ev.first().expect("the attack on the police station");
    assert_eq!(e.sub_event_type, "Armed clash", "{e:#?}");
    assert!(e.sources.iter().any(|s| s.name == "Police Forces of India"), "{:?}", e.sources);
}

/// Not ground taken or a fight told: hostages freed, the fronts of the fighting, bodies
/// handed over in an exchange (their dead are of earlier fighting).
#[test]
fn hostages_fronts_and_bodies_exchanged() {
    // snn-aljazirah-867
    let ev = code("2015-07-25", "وأوضح بيان للداخلية أنه تم جلب والد أحد العناصر الإرهابية لإقناعه بتسليم نفسه وباستمرار المفاوضات تمكنت الوحدات الأمنية من تحرير الرهائن وهما الزوجة والرضيع.");
    assert!(ev.iter().all(|e| !e.sub_event_type.contains("territory")), "{ev:#?}");
    // snn-alyaum-104
    let ev = code("2015-07-21", "كما أكدت مصادر عسكرية أن المقاتلين الجدد يتم تسليحهم من مخازن تابعة للجيش في محافظتي إب وتعز للزج بهم في جبهات القتال في تعز ولحج.");
    assert!(ev.iter().all(|e| e.event_type != "Battles"), "{ev:#?}");
    // snn-aawsat-918 (dev gold; the corpus has no exchange of bodies): bodies exchanged
    // after a clash told before are none of its dead.
    let ev = code(
        "2015-07-24",
        "وأبدى المصدر اعتقاده بأن «الجثث تعود لمقاتلين إيرانيين وأفغان سقطوا في المعارك في محيط بلدة بصر الحرير، إثر هجوم شنته المعارضة على مواقع للنظام». وفي 12 يونيو (حزيران) الماضي أجريت في حلب عملية تبادل لعشرات الجثث، مع المعارضة، تم بنتيجتها تسليم 30 جثة من قتلى النظام مقابل تسليم جثث 22 مقاتلاً من الفصائل الإسلامية.",
    );
    assert!(ev.iter().all(|e| e.fatalities.is_none()), "{ev:#?}");
}

/// An act retold by a definite noun ("ووقع الهجوم الاثنين") gives it the day it happened when
/// the first telling named none.
#[test]
fn the_day_told_when_the_act_is_retold() {
    // snn-aawsat-139
    let ev = code(
        "2015-07-21",
        "أعلنت الشرطة الكينية ان مقاتلين يشتبه بأنهم ينتمون الى حركة \"الشباب\" الصومالية المتطرفة، قتلوا خمسة أشخاص في هجوم على آلية للشرطة شمال الساحل الكيني.\nووقع الهجوم الاثنين في منطقة لامو الساحلية بالقرب من الحدود مع الصومال؛ المنطقة التي سبق ان شهدت عدة اعتداءات نفذها الناشطون الشباب المرتبطون بتنظيم القاعدة.",
    );
    let e = ev.iter().find(|e| e.fatalities.as_ref().is_some_and(|f| f.min == 5)).expect("the attack");
    assert_eq!(e.date.start.as_deref(), Some("2015-07-20"), "{e:#?}");
    assert_eq!(e.date.precision, "day");
}

/// Strikes and a ground battle told side by side with no shared toll are two acts; a count
/// of the wounded after an approximator ("أصيب نحو 3") is no toll.
#[test]
fn strikes_beside_a_battle_and_the_wounded() {
    // snn-alriyadh-530
    let ev = code(
        "2015-07-22",
        "وفي محافظة مارب قتل ١٠ من الحوثين و قوات صالح في مواجهات مع المقاومة وقصف طيران التحالف في محافظة مارب، فيما أصيب نحو 3 من مقاتلي المقاومة الشعبية والجيش في مواجهات وقصف لطيران التحالف بمحافظة مأرب.",
    );
    assert!(ev.iter().any(|e| e.sub_event_type == "Armed clash" && e.fatalities.as_ref().is_some_and(|f| f.min == 10)), "{ev:#?}");
    assert!(ev.iter().all(|e| e.fatalities.as_ref().is_none_or(|f| f.min != 3)), "{ev:#?}");
    assert!(ev.iter().any(|e| e.sub_event_type == "Air/drone strike"), "{ev:#?}");
}

/// Who attacked "when" it happened did it ("قتل طفل ... حين هاجم مستوطنون منزلهم"); the
/// misspelt "الميلشيات" is still the militias.
#[test]
fn doer_named_in_a_when_clause() {
    // snn-aawsat-1629
    let ev = code("2015-07-31", "وقتل طفل فلسطيني عمره عام ونصف حرقا، وأصيب والداه وشقيقه بجروح ليل الخميس-الجمعة، حين هاجم مستوطنون منزلهم في الضفة الغربية المحتلة وأشعلوا فيه النار.");
    let e = ev.iter().find(|e| e.fatalities.is_some()).expect("the killing");
    assert_eq!(e.actor1.as_ref().map(|a| a.name.as_str()), Some("Israeli settlers"), "{e:#?}");
    // snn-alriyadh-4221
    let ev = code("2015-08-09", "قالت وزارة الداخلية المصرية اليوم السبت إن شرطيا قتل وأصيب ثلاثة آخرون اليوم السبت عندما أطلق مسلحان مجهولان النار علي سيارة لنقل السجناء في محافظة الفيوم جنوبي القاهرة.");
    let e = ev.iter().find(|e| e.fatalities.is_some()).expect("the attack");
    assert_ne!(e.actor1.as_ref().map(|a| a.kind.as_str()), Some("state-forces"), "{e:#?}");
    // snn-okaz-397
    let ev = code("2015-07-23", "وتصدت القوات المشتركة للمحاولتين بكل بسالة واقتدار، حيث أطلقت الميلشيات قذائف هاون وتم الرد عليها بسرعة فائقة ما ألحق بالحوثيين أضرارا كبيرة.");
    assert!(ev.iter().any(|e| e.actor1.as_ref().is_some_and(|a| a.kind != "state-forces" && a.name != "Unidentified armed group")), "{ev:#?}");
}

/// Armed forces entering a named place take it; ground handed over without a fight is a
/// non-violent transfer; "دخل في مواجهات" enters no place.
#[test]
fn entering_places_and_transfers_without_a_fight() {
    // snn-alweeam-94
    let ev = code("2015-07-21", "ودخل مقاتلون من المقاومة الجنوبية حي التواهي على أطراف عدن في وقت متأخر من مساء أمس الأحد بعد تأمين حي كريتر.");
    assert!(ev.iter().any(|e| e.mode.as_deref() == Some("territorial-gain")), "{ev:#?}");
    // snn-okaz-2569
    let ev = code("2015-08-11", "كما استعادت قوات الشرعية مدينة شقراء الساحلية دون مقاومة تذكر من الانقلابيين.");
    assert!(ev.iter().any(|e| e.sub_event_type == "Non-violent transfer of territory" && e.event_type == "Strategic developments"), "{ev:#?}");
    // snn-aawsat-843
    let ev = code("2015-07-23", "ووجود مناصرين له من المنشقين عن الفرع اليمني لتنظيم القاعدة، وهو تنظيم متطرف دخل في عدة مواجهات مع الحكومة اليمنية إبان حكم الرئيس السابق علي عبد الله صالح، وعهد الرئيس الحالي عبد ربه منصور هادي.");
    assert!(ev.iter().all(|e| e.mode.as_deref() != Some("territorial-gain")), "{ev:#?}");
}
