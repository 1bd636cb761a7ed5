"""Hand-written sample material, part 4. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "neck pain",
        "advice": [
            "Keep the neck gently moving; holding it still for long periods tends to increase stiffness.",
            "Warmth from a heat pack or a warm shower helps tight neck muscles relax.",
            "Set up your screen at eye level and take regular breaks from looking down at phones and laptops.",
            "A firm pillow that keeps the neck in line with the body may help if pain is worse in the morning.",
            "Paracetamol or ibuprofen, if suitable, can ease pain so you can keep moving.",
            "Most neck pain improves within a few weeks without special treatment.",
        ],
        "see_doctor": [
            "Get urgent help for neck pain after a significant injury, or with fever and headache, weakness or numbness in the arms, or problems with walking or balance.",
            "See a doctor if neck pain lasts more than a few weeks, is getting worse, or comes with pain spreading down an arm.",
        ],
        "cases": [
            (
                "Q. Stiff neck after sleeping awkwardly",
                "Hello doctor, I woke up with a stiff painful neck and I cannot turn my head to the left. I think I slept in a bad position. What should I do?",
                "Waking with a stiff neck after an awkward night's sleep is usually a muscle spasm, which often improves within a few days.",
            ),
            (
                "Q. Neck pain from working on a laptop",
                "Hi, I work on a laptop all day and get neck and shoulder pain by the afternoon. What can I change?",
                "Looking down at a laptop for hours strains the neck muscles, and raising the screen with a separate keyboard usually makes a real difference.",
            ),
            (
                "Q. Neck pain with tingling in fingers",
                "Doctor, I am 52 and have neck pain with pain and tingling going down my right arm into my thumb and index finger.",
                "Neck pain spreading down the arm with tingling in particular fingers suggests a trapped nerve in the neck, called cervical radiculopathy.",
            ),
            (
                "Q. Neck pain after a car accident",
                "Hello, I was in a minor rear-end car crash yesterday and now my neck is stiff and sore. Is this whiplash?",
                "Neck stiffness a day after a rear-end collision is typical of whiplash, a strain of the neck's soft tissues.",
            ),
            (
                "Q. Crackling noise when turning the neck",
                "Hi doctor, my neck makes a crackling noise when I turn my head. There is little pain. Is it arthritis?",
                "Crackling or clicking sounds from the neck are common and are not a sign of damage if there is little pain and movement is good.",
            ),
            (
                "Q. Lump in the neck with pain",
                "Hello, I have a painful small lump on the side of my neck since I had a sore throat last week.",
                "A tender small lump appearing after a sore throat is most likely a swollen lymph gland reacting to the infection, and it usually shrinks within two to three weeks.",
            ),
            (
                "Q. Neck pain and headache from stress",
                "Doctor, when I am stressed my neck and shoulders get tight and I develop a headache at the back of my head.",
                "Tight neck and shoulder muscles during stress commonly cause headaches at the back of the head.",
            ),
            (
                "Q. Neck pain with fever and headache",
                "Hi, my 19 year old brother has a bad headache, fever and says his neck is very stiff and it hurts to bend his chin to his chest.",
                "Fever, headache and a stiff neck together can be signs of meningitis, so please call emergency services or take him to an emergency department now.",
                URGENT,
            ),
            (
                "Q. Best sleeping position for neck pain",
                "Hello doctor, I have recurring neck pain. What is the best position to sleep in?",
                "Sleeping on your back or side with a pillow that supports the natural curve of your neck is usually best, while sleeping on the front twists the neck.",
            ),
        ],
    },
    {
        "name": "dizziness",
        "advice": [
            "Sit or lie down as soon as you feel dizzy, to avoid falling.",
            "Get up slowly from lying or sitting, pausing for a moment before walking.",
            "Drink enough fluids, especially in hot weather or when unwell.",
            "Avoid driving, climbing ladders or using machinery until the cause is clear and the dizziness has settled.",
            "Some medicines, including blood pressure tablets, can cause dizziness, so a medicine review can help.",
            "Vestibular exercises taught by a physiotherapist can help dizziness from inner ear problems.",
        ],
        "see_doctor": [
            "Call emergency services for dizziness with a sudden severe headache, weakness or numbness on one side, slurred speech, double vision, chest pain or fainting.",
            "See a doctor if dizziness keeps coming back, lasts for days, or comes with hearing loss or ringing in one ear.",
        ],
        "cases": [
            (
                "Q. Room spinning when turning in bed",
                "Hello doctor, I am 55. When I turn over in bed or look up, the room spins for about 30 seconds. Then it stops. What is happening?",
                "Brief spinning set off by turning in bed or looking up is typical of benign paroxysmal positional vertigo, caused by tiny crystals moving in the inner ear.",
            ),
            (
                "Q. Dizzy when standing up quickly",
                "Hi, when I stand up quickly I feel lightheaded and my vision goes dark for a few seconds. I am 20 and thin.",
                "Brief lightheadedness on standing is called postural hypotension and is common in young, slim people, especially if they have not drunk enough.",
            ),
            (
                "Q. Dizziness with ringing in one ear",
                "Doctor, I get attacks of spinning dizziness lasting hours, with ringing and a full feeling in my left ear, and my hearing seems worse.",
                "Attacks of vertigo lasting hours with ringing, fullness and hearing loss in one ear can be Meniere's disease, which should be assessed by a doctor and an ear specialist.",
            ),
            (
                "Q. Dizziness after a cold",
                "Hello, after a cold last week I suddenly developed constant spinning dizziness and nausea for two days, with no hearing loss. It is slowly improving.",
                "Constant vertigo for days after a viral illness, without hearing loss, is often vestibular neuritis, an inflammation of the balance nerve.",
            ),
            (
                "Q. Feeling faint in a hot crowded place",
                "Hi doctor, my daughter fainted in a hot crowded hall after standing for a long time. She woke up quickly and is fine now.",
                "Fainting after standing in a hot crowded place, with quick recovery, is usually a simple faint from a temporary drop in blood flow to the brain.",
            ),
            (
                "Q. Dizziness and feeling tired in a woman with heavy periods",
                "Hello, I am 35, I have heavy periods and recently I feel dizzy, tired and breathless on stairs.",
                "Heavy periods can lead to iron deficiency anaemia, which can cause dizziness, tiredness and breathlessness, and a blood test can check this.",
            ),
            (
                "Q. Dizziness and anxiety",
                "Doctor, I feel dizzy and unsteady when I am anxious, especially in shops. Tests were normal.",
                "Anxiety can cause dizziness, partly through fast breathing, and with normal tests this is a likely explanation.",
            ),
            (
                "Q. Elderly father dizzy and falling",
                "Hi, my 80 year old father has become dizzy and has fallen twice this month. He takes several tablets.",
                "Dizziness and falls in an older person have several possible causes, often more than one, and a medication review is an important part of the assessment.",
            ),
            (
                "Q. Sudden dizziness with slurred speech",
                "Hello doctor, my mother suddenly became dizzy and her speech is slurred and her face looks droopy on one side.",
                "Sudden dizziness with slurred speech and a drooping face are warning signs of a stroke, so call emergency services immediately and note the time it started.",
                URGENT,
            ),
        ],
    },
    {
        "name": "tiredness",
        "advice": [
            "Regular sleep and wake times are the foundation of good energy levels.",
            "A balanced diet with regular meals and enough iron-rich foods supports energy.",
            "Regular physical activity, even when tired, tends to improve energy over a few weeks.",
            "Limiting caffeine and alcohol improves sleep quality and daytime alertness.",
            "Stress, low mood and anxiety are common causes of tiredness and are worth addressing.",
            "Simple blood tests can look for treatable causes such as anaemia, thyroid problems or diabetes.",
        ],
        "see_doctor": [
            "See a doctor urgently if tiredness comes with chest pain, breathlessness, fainting or thoughts of self-harm.",
            "Please book a check if tiredness lasts more than a few weeks, or comes with weight loss, fever, night sweats, heavy periods or a change in bowel habit.",
        ],
        "cases": [
            (
                "Q. Always tired even after sleeping eight hours",
                "Hello doctor, I am 30 and I feel tired all the time even though I sleep eight hours. I work in an office and drink lots of coffee.",
                "Feeling tired despite enough sleep is very common and often linked to lifestyle, stress or sleep quality, but it is worth checking for medical causes.",
            ),
            (
                "Q. Tired and pale with heavy periods",
                "Hi, I am 28, my periods are heavy and I feel exhausted and look pale. Could it be low iron?",
                "Heavy periods are one of the most common causes of iron deficiency, which can cause tiredness and pallor.",
            ),
            (
                "Q. Tiredness after a viral infection",
                "Doctor, I had a viral infection a month ago and I still feel drained and cannot exercise as before.",
                "Lingering tiredness for weeks after a viral infection is common, and energy usually returns gradually.",
            ),
            (
                "Q. Tiredness and weight gain",
                "Hello, I feel tired, cold, constipated and have gained weight over the past six months. I am 45.",
                "Tiredness with feeling cold, constipation and weight gain can be caused by an underactive thyroid, which a blood test can check.",
            ),
            (
                "Q. Sleepy during the day and snoring",
                "Hi doctor, I fall asleep in meetings and while watching TV. My partner says I snore and stop breathing at night.",
                "Daytime sleepiness with loud snoring and pauses in breathing at night strongly suggest obstructive sleep apnoea.",
            ),
            (
                "Q. Tired new mother",
                "Hello, I had a baby four months ago and I am exhausted all the time. Is this normal?",
                "Exhaustion is very common with a young baby, because sleep is broken, but it is worth checking iron levels and thyroid function and asking how your mood has been.",
            ),
            (
                "Q. Teenager tired all the time",
                "Doctor, my 16 year old sleeps until noon at weekends and is tired at school every day.",
                "Teenagers need around 8 to 10 hours of sleep and their body clock shifts later, so late nights with screens often explain tiredness.",
            ),
            (
                "Q. Tiredness with vegetarian diet",
                "Hi, I became vegetarian a year ago and I feel more tired lately. Should I take supplements?",
                "A vegetarian diet can be very healthy, but it is worth making sure you get enough iron and vitamin B12.",
            ),
            (
                "Q. Tiredness and night sweats",
                "Hello doctor, I am 50 and for two months I have been very tired, sweating at night so I change my sheets, and I lost some weight.",
                "Tiredness with drenching night sweats and weight loss needs a prompt medical assessment with blood tests, so please book an appointment soon.",
            ),
        ],
    },
    {
        "name": "hair loss",
        "advice": [
            "Hair shedding often happens two to three months after a stressful event, illness, surgery or childbirth, and usually recovers within six to nine months.",
            "A balanced diet with enough protein, iron and vitamins supports healthy hair.",
            "Avoid tight hairstyles, harsh chemical treatments and frequent heat styling, which can damage hair.",
            "Minoxidil solution or foam is available over the counter for pattern hair loss but must be used continuously to keep its effect.",
            "Blood tests for iron, thyroid and other causes can be helpful when hair loss is unexplained.",
            "Hair loss can be upsetting, and it is reasonable to seek support as well as treatment.",
        ],
        "see_doctor": [
            "See a doctor if hair falls out in patches, if the scalp is red, scaly or painful, or if hair loss comes with other symptoms such as tiredness or weight change.",
            "Please get checked if hair loss is sudden and heavy, or if you are a woman with hair thinning and irregular periods or acne.",
        ],
        "cases": [
            (
                "Q. Hair falling out after having a baby",
                "Hello doctor, my baby is three months old and my hair is falling out in large amounts when I wash it. Am I going bald?",
                "Heavy hair shedding around three months after giving birth is very common and is called postpartum telogen effluvium.",
                (0, 1, 2),
            ),
            (
                "Q. Receding hairline at 25",
                "Hi, I am a 25 year old man and my hairline is receding at the temples and thinning at the crown. My father is bald. Can I stop it?",
                "A receding hairline and crown thinning with a family history is typical of male pattern hair loss.",
            ),
            (
                "Q. Round bald patch on the scalp",
                "Doctor, I found a smooth round bald patch on the back of my head, the size of a coin. No itching. What is it?",
                "A smooth round patch of hair loss without scaling is most often alopecia areata, an immune condition in which hair frequently regrows by itself.",
            ),
            (
                "Q. Hair thinning in a woman at 50",
                "Hello, I am 50 and my hair has been thinning on the top of my head over a few years. My parting looks wider.",
                "Gradual thinning on the top of the head with a widening parting is typical of female pattern hair loss, which often becomes more noticeable around the menopause.",
            ),
            (
                "Q. Hair loss after illness",
                "Hi doctor, two months after I had a high fever with a bad infection, my hair started shedding a lot.",
                "Hair shedding two to three months after a high fever or serious illness is a recognised reaction called telogen effluvium, and it usually recovers.",
            ),
            (
                "Q. Hair loss and dieting",
                "Hello, I lost 15 kg in four months on a strict diet and now my hair is falling out. Is it related?",
                "Rapid weight loss and a low protein or low iron intake can trigger hair shedding.",
            ),
            (
                "Q. Scaly itchy patch with hair loss in a child",
                "Doctor, my 6 year old has a scaly itchy patch on his scalp with broken hairs. What could it be?",
                "A scaly itchy patch with broken hairs in a child can be a fungal scalp infection, tinea capitis, which needs treatment with tablets from a doctor rather than creams alone.",
                (1, 4, 5),
            ),
            (
                "Q. Do hair supplements work?",
                "Hi, I see many hair growth supplements advertised. Are they worth buying?",
                "Supplements help mainly if you are actually low in something, such as iron or vitamin D, and extra vitamins do not improve hair in people who are not deficient.",
            ),
            (
                "Q. Hair loss from tight braids",
                "Hello doctor, I always wear tight braids and my hairline at the edges is getting thinner.",
                "Thinning at the edges of the hairline from tight braids is called traction alopecia, and it can recover if the pulling stops early.",
            ),
        ],
    },
    {
        "name": "dandruff",
        "advice": [
            "Anti-dandruff shampoos containing ketoconazole, selenium sulphide, zinc pyrithione or coal tar are effective for most people.",
            "Leave a medicated shampoo on the scalp for about five minutes before rinsing.",
            "Using the medicated shampoo two or three times a week, then once a week to prevent return, often works well.",
            "Avoid heavy oils and greasy hair products if they make flaking worse.",
            "Dandruff is not caused by poor hygiene and is not contagious.",
            "Stress and cold dry weather can make dandruff flare.",
        ],
        "see_doctor": [
            "See a doctor if the scalp is very red, swollen, painful, oozing or if hair is falling out in patches.",
            "Please get checked if dandruff does not improve after a month of medicated shampoo, or if you also have scaly patches on the elbows, knees or face.",
        ],
        "cases": [
            (
                "Q. White flakes on shoulders",
                "Hello doctor, I have white flakes in my hair and on my dark clothes, and my scalp is a little itchy. I am 22.",
                "White flakes with a mildly itchy scalp are typical of dandruff, which is very common and usually controlled with the right shampoo.",
            ),
            (
                "Q. Greasy yellow flakes on scalp and eyebrows",
                "Hi, I have greasy yellow flakes on my scalp, in my eyebrows and beside my nose, with some redness.",
                "Greasy flaking on the scalp, eyebrows and sides of the nose is seborrhoeic dermatitis, a more marked form of dandruff linked to a skin yeast.",
            ),
            (
                "Q. Cradle cap in a baby",
                "Doctor, my 2 month old has thick yellow crusty scales on his scalp. Is it dandruff?",
                "Thick yellow scales on a young baby's scalp are cradle cap, which is harmless and usually clears within months.",
            ),
            (
                "Q. Dandruff keeps coming back",
                "Hello, my dandruff gets better with shampoo but comes back as soon as I stop. Is there a permanent cure?",
                "Dandruff tends to come and go over years, so the aim is control rather than a permanent cure.",
            ),
            (
                "Q. Thick scaly patches on scalp and elbows",
                "Hi doctor, I have thick silvery scaly patches on my scalp that bleed when I scratch, and similar patches on my elbows.",
                "Thick silvery scales on the scalp and elbows are more typical of psoriasis than dandruff, and a doctor can confirm this and suggest treatments.",
            ),
            (
                "Q. Can hair oil cure dandruff?",
                "Hello, my grandmother says oiling my hair every night will cure my dandruff. Is that right?",
                "Oils can make the flakes look less visible, but they can also feed the skin yeast that contributes to dandruff, so some people get worse.",
            ),
            (
                "Q. Itchy scalp after hair dye",
                "Doctor, after dyeing my hair yesterday my scalp is very itchy, red and a little swollen.",
                "Itching, redness and swelling after hair dye can be an allergic reaction to a dye ingredient, so rinse the scalp thoroughly and avoid that dye.",
            ),
            (
                "Q. Dandruff in a teenager",
                "Hi, my 14 year old son has dandruff since he started puberty. Which shampoo is best for him?",
                "Dandruff often starts around puberty because the scalp becomes oilier.",
            ),
            (
                "Q. Dandruff and hair loss",
                "Hello doctor, I have dandruff and I also feel my hair is falling more. Does dandruff cause hair loss?",
                "Ordinary dandruff does not usually cause lasting hair loss, although heavy scratching can break hairs.",
            ),
        ],
    },
    {
        "name": "ear pain",
        "advice": [
            "Paracetamol or ibuprofen, if suitable, help ear pain while the body fights the infection.",
            "Many middle ear infections get better without antibiotics within three days.",
            "Keep the ear dry if there is discharge, and do not put cotton buds or objects into the ear.",
            "A warm cloth held over the ear may ease discomfort.",
            "For outer ear infections, a doctor may prescribe ear drops.",
            "Ear wax usually clears by itself; olive oil drops can soften it if it causes a blocked feeling.",
        ],
        "see_doctor": [
            "Get urgent help for ear pain with a high fever and feeling very unwell, swelling or redness behind the ear, a stiff neck, or weakness of the face.",
            "See a doctor if ear pain lasts more than three days, there is discharge, hearing loss that does not improve, or recurrent infections.",
        ],
        "cases": [
            (
                "Q. Ear pain after a cold",
                "Hello doctor, I am 30 and after a cold I have throbbing pain in my right ear and muffled hearing. No discharge. What should I do?",
                "Throbbing ear pain with muffled hearing after a cold suggests a middle ear infection, which often settles within a few days.",
            ),
            (
                "Q. Ear pain after swimming",
                "Hi, I swim every day and now my ear is itchy, painful when I touch it, and there is a little discharge.",
                "Pain when the outer ear is touched, with itching and discharge after swimming, fits an outer ear infection, sometimes called swimmer's ear.",
            ),
            (
                "Q. Baby pulling ear and crying",
                "Doctor, my 10 month old keeps pulling his ear and crying at night. He has a mild fever and runny nose.",
                "Ear pulling with fever and a cold can be a sign of an ear infection, although babies also pull their ears when teething or tired.",
            ),
            (
                "Q. Ear pain when flying",
                "Hello, my ears hurt badly when the plane lands. How can I prevent this?",
                "Ear pain on landing happens when pressure in the middle ear cannot equalise, especially with a blocked nose.",
            ),
            (
                "Q. Blocked ear with wax",
                "Hi doctor, my left ear feels blocked and hearing is reduced. I can see wax. Should I use cotton buds?",
                "A blocked feeling with visible wax is usually due to wax build-up, and cotton buds tend to push wax deeper.",
            ),
            (
                "Q. Ear discharge after ear pain stopped",
                "Hello, my child had bad ear pain last night and this morning there is yellow discharge and the pain is much better.",
                "When pain suddenly improves and discharge appears, the eardrum has often developed a small hole that lets the fluid out, and this usually heals by itself.",
            ),
            (
                "Q. Ear pain with jaw pain",
                "Doctor, I have pain in front of my ear that gets worse when chewing, and my jaw clicks. My ear looks normal.",
                "Pain in front of the ear with chewing and a clicking jaw is usually from the jaw joint rather than the ear.",
            ),
            (
                "Q. Ringing in the ears",
                "Hi, I hear constant ringing in both ears, especially at night. I go to loud concerts often.",
                "Ringing in the ears, called tinnitus, is common after noise exposure, and protecting your hearing at concerts is important to prevent it getting worse.",
            ),
            (
                "Q. Swelling behind the ear with fever",
                "Hello doctor, my 5 year old had an ear infection and now the area behind his ear is red and swollen and his ear sticks out.",
                "Red swelling behind the ear that pushes the ear forward after an ear infection can be mastoiditis, which needs urgent hospital assessment today.",
                URGENT,
            ),
        ],
    },
    {
        "name": "red eye",
        "advice": [
            "Bacterial or viral conjunctivitis usually clears within one to two weeks.",
            "Clean crusts from the eyelids with cotton wool soaked in cooled boiled water.",
            "Wash hands often and do not share towels or pillows, as infective conjunctivitis spreads easily.",
            "Do not wear contact lenses until the eye has fully recovered.",
            "Lubricating eye drops can soothe irritated eyes.",
            "Allergic red eyes often respond to anti-allergy eye drops from a pharmacy.",
        ],
        "see_doctor": [
            "Get urgent help for a red eye with severe pain, sensitivity to light, blurred vision that does not clear with blinking, or after an injury or chemical splash.",
            "See a doctor if you wear contact lenses and have a painful red eye, or if a newborn baby has sticky red eyes.",
        ],
        "cases": [
            (
                "Q. Sticky red eye in the morning",
                "Hello doctor, my right eye is red and my eyelids are stuck together with yellow discharge in the morning. It is gritty but not painful.",
                "A red, gritty eye with sticky yellow discharge and no real pain is typical of bacterial conjunctivitis.",
            ),
            (
                "Q. Both eyes red and itchy in spring",
                "Hi, every spring both my eyes become red, itchy and watery, with sneezing. What can I use?",
                "Itchy, watery red eyes in both eyes with sneezing in spring point to allergic conjunctivitis, related to hay fever.",
            ),
            (
                "Q. Red painful eye and blurred vision",
                "Doctor, my left eye is red and painful, bright light hurts, and my vision is blurred. I am 40.",
                "A painful red eye with light sensitivity and blurred vision is not typical conjunctivitis and can signal a serious eye problem such as inflammation inside the eye or acute glaucoma, so please seek urgent same-day eye care.",
                URGENT,
            ),
            (
                "Q. Red eye with contact lenses",
                "Hello, I wear monthly contact lenses and my eye has become red and sore since yesterday.",
                "A painful red eye in a contact lens wearer must be checked promptly, because infections of the cornea can develop quickly.",
            ),
            (
                "Q. Red patch of blood on the white of the eye",
                "Hi doctor, I woke up with a bright red patch on the white of my eye. It does not hurt and vision is normal.",
                "A painless bright red patch on the white of the eye with normal vision is usually a subconjunctival haemorrhage, a small burst blood vessel that clears in about two weeks.",
            ),
            (
                "Q. Conjunctivitis in a child at nursery",
                "Hello, my 3 year old has conjunctivitis. Does she need antibiotic drops and can she go to nursery?",
                "Most conjunctivitis in children clears without antibiotic drops, and children do not usually need to stay away from nursery for it.",
            ),
            (
                "Q. Eye irritated from computer work",
                "Doctor, my eyes feel dry, burning and a little red after long days at the computer.",
                "Dry, burning eyes after screen work are common because we blink less when concentrating.",
            ),
            (
                "Q. Chemical splash in the eye",
                "Hi, I splashed some cleaning liquid in my eye and it is burning and red. What should I do?",
                "A chemical splash in the eye needs immediate rinsing with plenty of clean running water for at least 15 minutes, and then urgent assessment at an emergency department.",
                URGENT,
            ),
            (
                "Q. Swollen red eyelid",
                "Hello doctor, my upper eyelid has a painful red lump near the lashes that came up two days ago.",
                "A painful red lump at the edge of the eyelid is usually a stye, an infected eyelash follicle, which often drains and settles by itself.",
            ),
        ],
    },
    {
        "name": "toothache",
        "advice": [
            "Paracetamol or ibuprofen, if suitable, can control toothache until you see a dentist.",
            "Avoid very hot, cold or sugary foods that set off the pain.",
            "Rinsing with warm salty water may soothe sore gums.",
            "Brush twice a day with fluoride toothpaste and clean between the teeth to prevent decay and gum disease.",
            "Regular dental check-ups catch problems before they become painful.",
            "Painkillers should never be placed directly on the gum, as they can burn the tissue.",
        ],
        "see_doctor": [
            "Get urgent help for facial swelling that is spreading, swelling under the jaw, difficulty swallowing or breathing, or fever with a dental infection.",
            "See a dentist soon if toothache lasts more than two days, wakes you at night, or if a tooth is broken.",
        ],
        "cases": [
            (
                "Q. Tooth sensitive to cold drinks",
                "Hello doctor, my teeth hurt for a few seconds when I drink cold water or eat ice cream. There is no constant pain.",
                "Short sharp pain with cold that goes away quickly is often sensitivity from exposed tooth roots or worn enamel.",
            ),
            (
                "Q. Throbbing toothache keeping me awake",
                "Hi, I have a throbbing toothache in a back tooth that keeps me awake and gets worse when I lie down.",
                "A constant throbbing toothache that is worse lying down suggests inflammation or infection of the tooth's nerve, which needs dental treatment soon.",
            ),
            (
                "Q. Swollen face with toothache",
                "Doctor, my toothache got worse and now my cheek is swollen and I have a fever.",
                "Facial swelling with fever from a bad tooth means a dental abscess that is spreading, which needs urgent dental or medical care today.",
            ),
            (
                "Q. Gums bleed when brushing",
                "Hello, my gums bleed when I brush my teeth. Should I stop brushing those areas?",
                "Bleeding gums are most often a sign of gum inflammation from plaque, and the answer is to keep brushing gently and cleaning between the teeth.",
            ),
            (
                "Q. Pain at the back of the jaw in a young adult",
                "Hi doctor, I am 20 and I have pain and swelling of the gum behind my last molar on the bottom, and it hurts to open my mouth.",
                "Pain and swollen gum behind the last lower molar at your age is often from a wisdom tooth coming through, called pericoronitis.",
            ),
            (
                "Q. Toothache in pregnancy",
                "Hello, I am pregnant and have toothache. Is it safe to see a dentist?",
                "It is safe and important to see a dentist during pregnancy; routine dental treatment and local anaesthetic are generally considered safe.",
                (1, 3, 4),
            ),
            (
                "Q. Baby teething pain",
                "Doctor, my 7 month old is drooling, chewing everything and irritable. Is it teething?",
                "Drooling, chewing and irritability are common signs of teething, which can start around six months.",
                (3, 5),
            ),
            (
                "Q. Tooth pain after a filling",
                "Hi, I had a filling two days ago and now the tooth is sensitive when I bite.",
                "Some sensitivity after a new filling is common and usually settles within a couple of weeks, but pain on biting can also mean the filling is slightly high.",
            ),
            (
                "Q. Jaw pain and teeth grinding",
                "Hello doctor, I wake with aching jaws and my partner hears me grinding my teeth at night.",
                "Night-time grinding is common, often linked to stress, and can cause jaw ache and wear of the teeth.",
            ),
        ],
    },
]
