"""Hand-written sample material, part 2. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "common cold",
        "advice": [
            "A cold is a viral infection that usually lasts seven to ten days, and antibiotics do not help it.",
            "Rest, warm drinks and plenty of fluids are the mainstay of treatment.",
            "Saline nose drops or steam inhalation can ease a blocked nose.",
            "Decongestant sprays should not be used for more than five to seven days, as longer use can make the blockage worse.",
            "Wash hands often and cough into a tissue to avoid passing the cold on.",
            "Paracetamol or ibuprofen, if suitable, relieve aches and a mild fever.",
        ],
        "see_doctor": [
            "See a doctor if you become short of breath, have chest pain, a fever above 39 C, or symptoms that get worse after the first week instead of better.",
            "Please get checked if the cold lasts more than three weeks, if you have a long-term lung or heart condition, or if facial pain and fever develop after the cold seems to settle.",
        ],
        "cases": [
            (
                "Q. How to recover faster from a cold?",
                "Hello doctor, I have a cold with sneezing, blocked nose and a slight sore throat since yesterday. I have an important meeting in four days. How can I get better faster?",
                "There is no cure that shortens a cold much, but good rest and treating the symptoms will help you feel well enough for your meeting.",
            ),
            (
                "Q. Is vitamin C useful for a cold?",
                "Hi, I have a cold and my friend says I should take high dose vitamin C and zinc. Does this help?",
                "Vitamin C taken after a cold starts makes little difference, and zinc lozenges may shorten a cold slightly but can cause nausea and a bad taste.",
            ),
            (
                "Q. Green mucus from the nose",
                "Doctor, on the fifth day of my cold the mucus from my nose has turned thick and green. Does this mean I need antibiotics?",
                "Thick green mucus is common in the later days of a cold and reflects the immune response, not necessarily a bacterial infection.",
            ),
            (
                "Q. Frequent colds in my child at nursery",
                "Hello, my 3 year old started nursery and has had about eight colds this winter. Is his immunity weak?",
                "Young children commonly catch eight or more colds a year, especially in their first year at nursery, and this is a normal way of building immunity.",
            ),
            (
                "Q. Cold medicine for a toddler",
                "Hi doctor, can I give cough and cold syrup from the pharmacy to my 2 year old?",
                "Over-the-counter cough and cold medicines are not recommended for children under six, because they have little benefit and can cause side effects.",
            ),
            (
                "Q. Cold or flu?",
                "Hello, I feel achy, have a high temperature of 38.8 C that came on suddenly, and I am exhausted. Is this a cold or the flu?",
                "A sudden high temperature with aches and exhaustion is more typical of flu than a cold, which usually starts gradually with a sore throat and runny nose.",
            ),
            (
                "Q. Blocked ears with a cold",
                "Doctor, since I got a cold my ears feel blocked and my hearing is muffled. There is no pain. Will it clear?",
                "Blocked ears during a cold are usually due to swelling of the tube that connects the ear to the back of the nose, and they often clear within a couple of weeks.",
            ),
            (
                "Q. Can I exercise with a cold?",
                "Hi, I run most days. I have a runny nose and mild sore throat. Is it fine to keep running?",
                "A common guide is that gentle exercise is usually fine if symptoms are above the neck only, but rest is better if you have fever, aches or chest symptoms.",
            ),
            (
                "Q. Cold with asthma getting worse",
                "Hello doctor, I have asthma and I caught a cold. Now I am using my blue inhaler four times a day and I feel tight in the chest. What should I do?",
                "Colds are a common trigger for asthma flare-ups, and needing your reliever this often means you should contact your doctor today to review your treatment.",
            ),
        ],
    },
    {
        "name": "eczema and rash",
        "advice": [
            "Use a fragrance-free moisturiser generously at least twice a day, even when the skin looks clear.",
            "Use a soap substitute instead of ordinary soap, and pat the skin dry after washing.",
            "Avoid known triggers such as perfumed products, wool next to the skin and very hot showers.",
            "A mild steroid cream from a pharmacist or doctor, used for short periods as directed, helps calm flare-ups.",
            "Keep nails short and try to pat rather than scratch itchy areas.",
            "An antihistamine at night may help with sleep if itching keeps you awake.",
        ],
        "see_doctor": [
            "Get urgent help if a rash comes with swelling of the lips or tongue, trouble breathing, fever and feeling very unwell, or blisters and peeling skin.",
            "See a doctor if the skin becomes weepy, crusted or very painful, as this can mean infection, or if eczema is not controlled with moisturisers and pharmacy creams.",
        ],
        "cases": [
            (
                "Q. Itchy dry patches on elbows and knees",
                "Hello doctor, I am 24 and have had itchy dry patches on the inside of my elbows and behind my knees since childhood. They flare up in winter. What can I do?",
                "Dry itchy patches in the skin folds of the elbows and knees since childhood is typical of atopic eczema, which often flares in cold dry weather.",
            ),
            (
                "Q. Baby with red dry cheeks",
                "Hi, my 5 month old has red, dry, rough patches on her cheeks and she rubs her face on the sheets. What is it?",
                "Red, rough, itchy patches on a baby's cheeks are a very common early sign of infant eczema.",
            ),
            (
                "Q. Rash after new washing powder",
                "Doctor, I changed my washing powder last week and now I have an itchy red rash on my body where clothes touch. Could it be the powder?",
                "A rash in the areas covered by clothes after changing detergent suggests contact dermatitis, so going back to your old powder or a non-biological one is the first step.",
            ),
            (
                "Q. Hives all over the body",
                "Hello, I suddenly got raised itchy red welts all over my body that move around and come and go within hours. I feel otherwise fine. What is this?",
                "Raised itchy welts that come and go within hours are hives, or urticaria, and are often triggered by a viral infection, a medicine or sometimes a food, though often no cause is found.",
            ),
            (
                "Q. Eczema on hands from work",
                "Hi doctor, I am a nurse and my hands are cracked, red and sore from frequent washing and gloves. How can I heal them?",
                "Hand eczema is very common in people who wash their hands often, and protecting the skin barrier is the key.",
            ),
            (
                "Q. Is steroid cream safe for eczema?",
                "Hello, my doctor prescribed a steroid cream for my eczema, but I am worried about side effects like thinning skin. Is it safe?",
                "Used as prescribed, in short courses and with the right strength for the body area, steroid creams are safe and skin thinning is uncommon.",
            ),
            (
                "Q. Red ring-shaped itchy rash",
                "Doctor, I have a round itchy red patch on my arm that is clearer in the middle and slowly getting bigger. Is it eczema?",
                "A ring-shaped patch that is clearer in the centre and spreading outwards is more typical of a fungal infection called ringworm than eczema, and steroid creams alone can make it worse.",
            ),
            (
                "Q. Eczema on the eyelids",
                "Hi, my eyelids have become red, dry and itchy for two weeks. I use several make-up products. What should I do?",
                "Eyelid skin is very thin and easily irritated by make-up, nail varnish or skin care products, so stopping all of them for a while is a sensible first step.",
            ),
            (
                "Q. Child's eczema suddenly painful with blisters",
                "Hello doctor, my 4 year old has eczema and in the last day some patches became painful with small punched-out sores and he has a fever. What is happening?",
                "Painful punched-out sores appearing quickly on eczema with fever can be eczema herpeticum, a herpes virus infection of the skin that needs urgent same-day medical care.",
                URGENT,
            ),
        ],
    },
    {
        "name": "heartburn",
        "advice": [
            "Eat smaller meals and avoid eating within three hours of going to bed.",
            "Common triggers include fatty or spicy food, coffee, alcohol, chocolate and fizzy drinks, but they differ from person to person.",
            "Raising the head end of the bed by about 10 to 20 cm helps with night-time symptoms.",
            "Losing excess weight and stopping smoking can greatly reduce reflux.",
            "Antacids from a pharmacy give quick relief, and a short course of an acid-reducing tablet can help if symptoms are frequent.",
            "Loose clothing around the waist puts less pressure on the stomach.",
        ],
        "see_doctor": [
            "Get urgent help for chest pain that spreads to the arm, jaw or back, or comes with breathlessness or sweating, as this may be the heart rather than heartburn.",
            "See a doctor if you have difficulty swallowing, weight loss, vomiting blood or black stools, or if heartburn continues despite three weeks of treatment, especially over the age of 55.",
        ],
        "cases": [
            (
                "Q. Burning in chest after dinner",
                "Hello doctor, I often get a burning feeling behind my breastbone after dinner, especially when I lie down. Sometimes a sour taste comes into my mouth. What is it?",
                "Burning behind the breastbone after meals and on lying down, with a sour taste, is classic acid reflux, also called heartburn.",
            ),
            (
                "Q. Heartburn during pregnancy",
                "Hi, I am 30 weeks pregnant and have bad heartburn every night. What can I safely take?",
                "Heartburn is very common in later pregnancy, and many antacids are considered safe, but ask your pharmacist or midwife which one suits you.",
                (0, 2, 5),
            ),
            (
                "Q. Can I take acid tablets every day long term?",
                "Doctor, I have taken omeprazole every day for three years for heartburn. Is it safe to keep taking it?",
                "Long-term use of these tablets is generally safe when there is a clear reason, but it is good practice to review with your doctor whether the lowest dose or an as-needed approach would control symptoms.",
            ),
            (
                "Q. Heartburn and difficulty swallowing",
                "Hello, I am 60 and for two months I feel food sticking in my chest when I swallow, and I have lost some weight. I also have heartburn. What should I do?",
                "Food sticking when you swallow with weight loss at your age needs prompt investigation, usually with a camera test of the gullet, so please see your doctor soon.",
            ),
            (
                "Q. Sour burps and bloating",
                "Hi doctor, I get sour burps and a bloated feeling in my upper tummy after most meals. I drink lots of coffee. What can help?",
                "Sour burping and upper tummy bloating after meals often come from indigestion and reflux, and a lot of coffee can make both worse.",
            ),
            (
                "Q. Heartburn at night waking me up",
                "Hello, I wake up at night with burning in my throat and coughing. I usually eat dinner late around 10 pm. Is this reflux?",
                "Waking with burning and coughing after a late dinner strongly suggests night-time reflux.",
            ),
            (
                "Q. Is chest burning my heart or my stomach?",
                "Doctor, I am 50 and have burning in my chest when I walk quickly uphill, which settles when I rest. I thought it was heartburn. Could it be something else?",
                "Chest discomfort that comes on with exertion and eases with rest can be angina from the heart rather than heartburn, so please see a doctor soon for heart checks.",
                URGENT,
            ),
            (
                "Q. Heartburn in a teenager",
                "Hi, my 16 year old son complains of heartburn after eating fast food and energy drinks. Is it normal at his age?",
                "Heartburn in teenagers is usually linked to diet, large late meals and drinks such as energy drinks, and changes in these often fix it.",
            ),
            (
                "Q. Heartburn while taking ibuprofen",
                "Hello doctor, I have been taking ibuprofen three times a day for knee pain for a month and now I have burning pain in my upper stomach. Is it related?",
                "Anti-inflammatory painkillers like ibuprofen can irritate the stomach lining and cause indigestion or even ulcers, especially when taken daily for weeks.",
            ),
        ],
    },
    {
        "name": "insomnia",
        "advice": [
            "Go to bed and get up at the same time every day, including weekends.",
            "Keep the bedroom dark, quiet and cool, and use the bed only for sleep.",
            "Avoid caffeine after midday, and avoid alcohol and heavy meals in the evening.",
            "Put screens away at least an hour before bed and try a relaxing routine such as reading or a warm shower.",
            "If you cannot sleep after about 20 minutes, get up and do something calm in dim light until you feel sleepy.",
            "Cognitive behavioural therapy for insomnia, available through doctors and some online programmes, works better in the long run than sleeping tablets.",
        ],
        "see_doctor": [
            "See a doctor if poor sleep lasts more than a month, affects your daytime functioning, or comes with low mood, anxiety, loud snoring or pauses in breathing at night.",
            "Please seek help urgently if lack of sleep comes with thoughts of harming yourself, or if you feel unsafe to drive because of sleepiness.",
        ],
        "cases": [
            (
                "Q. Cannot fall asleep for hours",
                "Hello doctor, I am 30. For the past two months it takes me two or three hours to fall asleep. My mind keeps racing about work. What can I do?",
                "Lying awake with a racing mind is one of the most common forms of insomnia and often starts during a stressful period.",
            ),
            (
                "Q. Waking up at 4 am every night",
                "Hi, I fall asleep fine but I wake up at 4 am and cannot get back to sleep. I feel tired all day. I am 48.",
                "Early morning waking can be linked to stress, alcohol in the evening, hormonal changes or low mood, so it is worth thinking about each of these.",
            ),
            (
                "Q. Are sleeping pills safe?",
                "Doctor, can I take sleeping pills every night to help me sleep? A friend gave me some of hers.",
                "Please do not take someone else's sleeping tablets, as they may not be safe for you, and most sleeping pills are only meant for short-term use because the body gets used to them.",
            ),
            (
                "Q. Does melatonin help sleep?",
                "Hello, I have trouble sleeping and I saw melatonin in the shop. Does it work and is it safe?",
                "Melatonin can help with jet lag and with some sleep timing problems, but its effect on ordinary insomnia is modest, so talk to your doctor or pharmacist before using it.",
            ),
            (
                "Q. Shift work and sleep problems",
                "Hi doctor, I work rotating night shifts as a security guard and I cannot sleep properly during the day. Any advice?",
                "Sleeping during the day after night shifts is hard because the body clock expects to be awake, and blackout curtains and a consistent routine help a lot.",
            ),
            (
                "Q. Insomnia during menopause",
                "Hello, I am 51 and since my periods became irregular I wake at night with hot sweats and cannot sleep. What helps?",
                "Night sweats around the menopause commonly disturb sleep, and treating the sweats, for example with hormone therapy when suitable, often improves sleep as well.",
            ),
            (
                "Q. Teenager sleeping very late",
                "Doctor, my 15 year old daughter cannot fall asleep before 2 am and is exhausted for school. She is on her phone late. What can we do?",
                "Teenagers naturally shift to later sleep times, and late phone use makes this much worse by delaying the body clock.",
            ),
            (
                "Q. Legs restless at night",
                "Hi, every evening when I lie down I get an uncomfortable urge to move my legs and I cannot fall asleep. Walking around helps. What is this?",
                "An urge to move the legs that comes on at rest in the evening and is relieved by walking is typical of restless legs syndrome, and low iron is one treatable cause.",
            ),
            (
                "Q. Not sleeping after bereavement",
                "Hello doctor, my husband died two months ago and I cannot sleep more than three hours a night. I am so tired.",
                "I am very sorry for your loss; disturbed sleep is a very common part of grief, and you do not need to cope with it alone.",
            ),
        ],
    },
    {
        "name": "anxiety",
        "advice": [
            "Slow breathing, for example in for four seconds and out for six, can calm the body's stress response.",
            "Regular physical activity is one of the most effective ways to reduce anxiety.",
            "Cut down on caffeine and alcohol, which can both make anxiety worse.",
            "Talking therapies such as cognitive behavioural therapy are very effective for anxiety.",
            "Try to keep doing everyday activities rather than avoiding situations, as avoidance tends to make anxiety grow.",
            "Talking to someone you trust about how you feel can be a real relief.",
        ],
        "see_doctor": [
            "Please seek help immediately if you have thoughts of ending your life or harming yourself; contact emergency services or a crisis line now.",
            "See a doctor if anxiety is affecting your work, relationships or sleep, lasts more than a few weeks, or if you have chest pain or palpitations that have not been checked.",
        ],
        "cases": [
            (
                "Q. Constant worry about everything",
                "Hello doctor, I am 35 and I worry all the time about work, money and my family's health. I feel tense, cannot relax and sleep badly. This has been going on for a year.",
                "Constant worry about many things for months, with tension and poor sleep, fits generalised anxiety disorder, which is common and treatable.",
            ),
            (
                "Q. Sudden attacks of fear with racing heart",
                "Hi, three times in the last month I suddenly felt my heart racing, could not breathe and thought I was dying. It passed in 15 minutes. What is this?",
                "Sudden surges of intense fear with a racing heart and breathlessness that peak within minutes and pass are typical of panic attacks.",
            ),
            (
                "Q. Anxiety about speaking in meetings",
                "Doctor, I get very nervous before speaking in meetings, my hands shake and my voice trembles. I avoid presentations. Can this be treated?",
                "Strong fear of being judged while speaking is a form of social anxiety, and it responds very well to cognitive behavioural therapy.",
            ),
            (
                "Q. Feeling anxious after stopping coffee",
                "Hi, I drink about six energy drinks a day and feel jittery and anxious all the time. Could this be the cause?",
                "Six energy drinks a day contain a lot of caffeine, which can cause jitteriness, a racing heart and anxiety, so cutting down gradually is likely to help.",
            ),
            (
                "Q. Health anxiety after reading online",
                "Hello, I keep searching my symptoms online and I am convinced I have a serious illness, even though tests were normal. I cannot stop checking.",
                "Repeated checking and searching after normal tests is a pattern called health anxiety, and the reassurance from searching usually lasts only briefly.",
            ),
            (
                "Q. Can anxiety cause chest tightness?",
                "Doctor, when I am anxious my chest feels tight. I am 28 and my heart tests were normal last month. Is it from anxiety?",
                "Anxiety commonly causes chest tightness through tense chest muscles and fast breathing, and with normal heart tests that is the likely explanation.",
            ),
            (
                "Q. Child anxious about school",
                "Hi, my 10 year old gets tummy aches every school morning and begs to stay home. At weekends she is fine. What should we do?",
                "Tummy aches on school mornings that disappear at weekends often point to worry about something at school, so a calm talk with her and her teacher is a good start.",
            ),
            (
                "Q. Should I take medicine for anxiety?",
                "Hello doctor, my anxiety has not improved with therapy after three months. Are there medicines that help and are they addictive?",
                "Several medicines, most commonly a group called SSRIs, are effective for anxiety and are not addictive, though they take a few weeks to work and should be stopped gradually.",
            ),
            (
                "Q. Anxiety with thoughts of not wanting to live",
                "Doctor, my anxiety is so bad that I sometimes think everyone would be better off without me. I am scared.",
                "Thank you for telling me; these thoughts are a sign that you need support now, and you deserve that help today, not later.",
                (5, 3),
            ),
        ],
    },
    {
        "name": "low mood",
        "advice": [
            "Keeping a simple daily routine, with regular meals and sleep, gives structure on difficult days.",
            "Even a short daily walk outdoors can lift mood.",
            "Staying in touch with friends or family, even briefly, helps against isolation.",
            "Alcohol and recreational drugs tend to make low mood worse.",
            "Talking therapies and, for some people, antidepressant medicines are effective treatments for depression.",
            "Small achievable goals each day are better than waiting to feel motivated.",
        ],
        "see_doctor": [
            "If you have thoughts of suicide or harming yourself, please contact emergency services, a crisis line or go to the nearest emergency department now.",
            "See a doctor if low mood lasts more than two weeks, or if you lose interest in things you used to enjoy, as depression is common and treatable.",
        ],
        "cases": [
            (
                "Q. Feeling sad and unmotivated for weeks",
                "Hello doctor, I am 26. For about six weeks I feel sad most of the day, have no energy and no interest in things I used to enjoy. I sleep a lot. What is wrong with me?",
                "Low mood, loss of interest and low energy most days for six weeks can be signs of depression, which is a real illness and not a personal weakness.",
            ),
            (
                "Q. Low mood after having a baby",
                "Hi, my baby is 2 months old and I cry every day, feel I am a bad mother and cannot enjoy anything. Is this normal baby blues?",
                "Baby blues usually pass within two weeks of birth, so feelings like yours at two months may be postnatal depression, which is common and treatable.",
            ),
            (
                "Q. Winter depression",
                "Doctor, every winter I feel low, sleep too much and crave carbohydrates, and it lifts in spring. Is this a real condition?",
                "A pattern of low mood that returns every winter and lifts in spring is called seasonal affective disorder.",
            ),
            (
                "Q. How long do antidepressants take to work?",
                "Hello, I started an antidepressant ten days ago and I do not feel any better yet. Should I stop?",
                "Antidepressants usually take two to six weeks to show a clear benefit, so it is early to judge after ten days.",
            ),
            (
                "Q. Teenager withdrawn and irritable",
                "Hi doctor, my 15 year old son has become withdrawn, irritable, stays in his room and his grades dropped over three months. Is it just a phase?",
                "Some moodiness is part of adolescence, but three months of withdrawal, irritability and falling grades could be depression and deserves attention.",
            ),
            (
                "Q. Low mood after losing my job",
                "Hello, I lost my job two months ago and I feel worthless and hopeless. I have stopped seeing friends.",
                "Losing a job is a major loss, and feeling low is understandable, but feeling worthless and withdrawing from friends are signs that you may need more support.",
            ),
            (
                "Q. Can thyroid problems cause low mood?",
                "Doctor, I feel low, tired and cold all the time and I gained weight. Could it be my thyroid?",
                "An underactive thyroid can cause tiredness, feeling cold, weight gain and low mood, and a simple blood test can check it.",
            ),
            (
                "Q. Stopping antidepressants",
                "Hi, I have been on an antidepressant for a year and I feel well. Can I just stop taking it?",
                "It is good that you feel well; antidepressants should not be stopped suddenly, as this can cause withdrawal symptoms, so plan a gradual reduction with your doctor.",
            ),
            (
                "Q. Feeling that life is not worth living",
                "Hello doctor, I feel empty and lately I keep thinking that life is not worth living. I have not told anyone.",
                "I am really glad you wrote this down; thoughts that life is not worth living are serious, and you deserve help today.",
                (2, 4),
            ),
        ],
    },
    {
        "name": "urinary tract infection",
        "advice": [
            "Drink enough fluids to keep the urine pale.",
            "Paracetamol or ibuprofen, if suitable, can ease the discomfort.",
            "Many simple bladder infections in women need a short course of antibiotics, which a doctor or pharmacist can advise on.",
            "Cranberry products have not been shown to treat an infection that has already started.",
            "Passing urine soon after sex and not holding on for long periods may reduce repeat infections.",
            "A urine test helps confirm the infection and choose the right antibiotic.",
        ],
        "see_doctor": [
            "Get medical help the same day for fever, shivering, pain in the side or back, vomiting, or confusion, as these can mean a kidney infection.",
            "See a doctor for urinary symptoms in a man, a child, during pregnancy, if you see blood in the urine, or if symptoms do not improve within 48 hours of starting antibiotics.",
        ],
        "cases": [
            (
                "Q. Burning urination and going often",
                "Hello doctor, I am a 28 year old woman. Since yesterday I have burning when I pass urine and need to go very often, but only a little comes out. No fever. What should I do?",
                "Burning and needing to pass small amounts often, without fever, is typical of a simple bladder infection, also called cystitis.",
            ),
            (
                "Q. Repeated bladder infections",
                "Hi, I have had four urine infections in the past year. Each time antibiotics help but it comes back. Why does this happen?",
                "Some women are prone to repeated bladder infections, and with four in a year it is worth seeing your doctor to check for causes and discuss prevention.",
            ),
            (
                "Q. Urine infection in pregnancy",
                "Doctor, I am 16 weeks pregnant and have burning urination. Is it safe to take antibiotics?",
                "Urine infections in pregnancy should always be treated, and there are antibiotics that are safe in pregnancy, so please contact your doctor or midwife today.",
            ),
            (
                "Q. Burning urine in a man",
                "Hello, I am a 35 year old man and I have burning when passing urine for three days. What could it be?",
                "Urinary infections are less common in men, so burning urine needs a proper check, which may include a urine test and tests for sexually transmitted infections.",
            ),
            (
                "Q. Cloudy smelly urine in an elderly parent",
                "Hi doctor, my 82 year old mother's urine is cloudy and smelly, and today she is more confused than usual. Is it a urine infection?",
                "Sudden new confusion in an older person is always a reason for a same-day medical review, since infection, including a urine infection, is one of several possible causes.",
            ),
            (
                "Q. Blood in urine with burning",
                "Hello, I have burning and today I saw pink urine. I am a 30 year old woman. Is this dangerous?",
                "Some blood in the urine can occur with a bladder infection, but it should always be checked, and the urine retested after treatment to make sure it has cleared.",
            ),
            (
                "Q. Urine infection after sex",
                "Doctor, I often get a urine infection a day or two after having sex. Is there anything I can do to prevent this?",
                "Infections after sex are common because bacteria can be pushed towards the bladder, and passing urine soon after sex is a simple helpful step.",
            ),
            (
                "Q. Child with smelly urine and fever",
                "Hi, my 3 year old has a fever and cries when passing urine, which smells strong. What should I do?",
                "Fever with pain on passing urine in a young child suggests a urine infection, which needs a doctor's assessment and a urine test today.",
            ),
            (
                "Q. Urine symptoms continue after antibiotics",
                "Hello doctor, I finished three days of antibiotics for cystitis but I still have burning. What now?",
                "If symptoms continue after antibiotics, the bacteria may be resistant or the cause may be different, so a urine culture is needed.",
            ),
        ],
    },
    {
        "name": "sprain",
        "advice": [
            "For the first two or three days, rest the joint, apply ice wrapped in a cloth for 15 to 20 minutes every few hours, and keep it raised.",
            "A compression bandage can reduce swelling but should not be so tight that it causes numbness.",
            "Paracetamol helps pain; some doctors suggest waiting two days before using anti-inflammatories such as ibuprofen.",
            "Start gentle movement as soon as the pain allows, as early movement speeds recovery.",
            "Most sprains improve within two weeks, but full strength can take several weeks.",
            "Balance and strengthening exercises help prevent the same sprain from happening again.",
        ],
        "see_doctor": [
            "See a doctor or emergency department if you cannot put weight on the leg, the joint looks deformed, there is numbness, or pain is severe over the bone.",
            "Please get checked if the swelling or pain is not improving after a week, or if the joint keeps giving way.",
        ],
        "cases": [
            (
                "Q. Twisted ankle playing football",
                "Hello doctor, I twisted my ankle playing football yesterday. It is swollen on the outside and painful but I can walk with a limp. What should I do?",
                "An inward twist with swelling on the outer side of the ankle, while you can still walk, is most often a sprain of the outer ligaments.",
            ),
            (
                "Q. Do I need an X-ray for a sprained ankle?",
                "Hi, I rolled my ankle on a step. It is swollen but I walked home. Do I need an X-ray to rule out a fracture?",
                "Doctors use simple rules to decide: an X-ray is usually needed if you cannot take four steps or if there is tenderness over specific points of the ankle bones.",
            ),
            (
                "Q. Wrist sprain after a fall",
                "Doctor, I fell on my outstretched hand and my wrist is painful and swollen. I can move my fingers. Is it a sprain?",
                "A fall on an outstretched hand can cause a sprain, but it can also cause a fracture, including of a small bone called the scaphoid, so an examination and X-ray are wise.",
            ),
            (
                "Q. Ankle still swollen after three weeks",
                "Hi, I sprained my ankle three weeks ago and it is still swollen in the evenings and feels weak. Is this normal?",
                "Some evening swelling and weakness for several weeks after a sprain is common, as ligaments take time to heal.",
            ),
            (
                "Q. Heat or ice for a sprain?",
                "Hello, I sprained my knee this morning. Should I use a hot water bottle or ice?",
                "In the first couple of days, ice is preferred because heat can increase swelling.",
            ),
            (
                "Q. Thumb sprain skiing",
                "Doctor, I fell while skiing and bent my thumb backwards. The base of the thumb is swollen and pinching is weak. What should I do?",
                "A thumb bent back in a fall can injure an important ligament at its base, sometimes called skier's thumb, and weak pinching means it should be checked by a doctor soon.",
            ),
            (
                "Q. Repeated ankle sprains",
                "Hi, I keep spraining the same ankle, about four times in a year. It feels unstable. What can I do?",
                "Repeated sprains often leave the ankle with weak ligaments and poor balance control, which can be greatly improved with a course of physiotherapy.",
            ),
            (
                "Q. Child sprained ankle on trampoline",
                "Hello doctor, my 9 year old landed badly on the trampoline. Her ankle is swollen and she will not put weight on it. Is it just a sprain?",
                "In children the growth plates near the ankle can be injured more easily than the ligaments, and refusing to bear weight means she should have an X-ray.",
            ),
            (
                "Q. Can I run with a mild sprain?",
                "Hi, I sprained my ankle five days ago. It feels much better and I have a race in two weeks. When can I start running?",
                "You can usually return to running once you can walk, hop and balance on the ankle without pain, building up gradually.",
            ),
        ],
    },
]
