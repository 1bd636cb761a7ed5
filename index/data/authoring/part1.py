"""Hand-written sample material, part 1. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "headache",
        "advice": [
            "Most everyday headaches are tension-type headaches linked to stress, poor sleep, skipped meals or long screen time.",
            "Drink enough water through the day and try not to skip meals.",
            "Paracetamol or ibuprofen at the dose on the pack can help, if they are safe for you.",
            "Avoid taking painkillers on more than two or three days a week, because frequent use can itself cause rebound headaches.",
            "Regular sleep hours, short breaks from the screen and gentle neck and shoulder stretches often reduce how often the pain comes back.",
            "A simple diary of when the headaches start, what you ate and how you slept can reveal a trigger.",
        ],
        "see_doctor": [
            "Please get urgent medical help for a sudden, severe headache that peaks within a minute, a headache with fever and a stiff neck, or one with weakness, confusion, trouble speaking or loss of vision.",
            "See your doctor soon if the headaches are new after the age of 50, getting steadily worse, waking you from sleep, or follow a head injury.",
        ],
        "cases": [
            (
                "Q. What causes a dull headache every evening after work?",
                "Hello doctor, I am 34 and I get a dull, tight headache across my forehead almost every evening after work. I spend about nine hours at a computer. It goes away after I sleep. What could this be?",
                "A band-like pressure that builds through a long day at the screen and settles with sleep fits a tension-type headache very well, and it is usually not dangerous.",
            ),
            (
                "Q. Is it normal to have a headache for three days?",
                "Hi, I have had a headache for three days now. It is mostly at the back of my head and neck. I have been very stressed with exams and sleeping about five hours a night. Should I worry?",
                "Pain at the back of the head and neck during a stressful period with little sleep is most often a tension headache from tight neck muscles, and it should ease as your sleep improves.",
            ),
            (
                "Q. Why do I get headaches on weekends only?",
                "Doctor, strangely I only get headaches on Saturdays and Sundays. During the week I am fine. I drink about four cups of coffee at work but less at home. Is there a link?",
                "Yes, there may well be a link: cutting down suddenly from regular coffee can cause a caffeine withdrawal headache, which typically appears a day after the usual intake drops.",
            ),
            (
                "Q. Headache after starting new glasses",
                "Hello, I got new glasses two weeks ago and since then I have headaches around my eyes in the afternoon. Could the glasses be the cause?",
                "New lenses often take one to two weeks to get used to, but headaches beyond that can mean the prescription or the lens centring is not quite right, so it is worth going back to your optician for a check.",
            ),
            (
                "Q. Can dehydration cause headaches?",
                "Hi doctor, I work outdoors in hot weather and I often get a throbbing headache by mid-afternoon. I drink maybe one bottle of water a day. Is this from not drinking enough?",
                "Working in the heat with one bottle of water a day can easily leave you dehydrated, and a throbbing headache later in the day is a common result.",
            ),
            (
                "Q. Headache every morning on waking up",
                "Hello, for the past month I wake up with a headache most mornings. My wife says I snore loudly. By lunchtime it is better. What could be the reason?",
                "Morning headaches with loud snoring can be a sign of obstructive sleep apnoea, where breathing pauses during sleep, so please mention the snoring to your doctor, who may suggest a sleep study.",
            ),
            (
                "Q. Is a headache with high blood pressure dangerous?",
                "Hi, I am 52 and have a headache today. I checked my blood pressure at the pharmacy and it was 150/95. Is my headache caused by blood pressure?",
                "A reading of 150/95 is raised and needs follow-up, but moderate blood pressure like this does not usually cause headaches on its own, so the two may not be connected.",
            ),
            (
                "Q. Frequent headaches while taking painkillers daily",
                "Doctor, I have had headaches almost every day for two months and I take a painkiller every day, sometimes two. They help for a few hours only. What should I do?",
                "Taking painkillers nearly every day for months can keep headaches going, a problem called medication overuse headache, and the usual answer is a planned break from them with your doctor's guidance.",
            ),
            (
                "Q. Headache on one side of the head when coughing",
                "Hi, I am 45. Recently I notice a sharp headache whenever I cough or strain, and it lasts a few minutes. Otherwise I feel fine. Is this serious?",
                "A headache that is set off by coughing or straining is usually harmless, but when it starts for the first time in adulthood doctors like to check it properly, sometimes with a scan, so please book a review.",
            ),
        ],
    },
    {
        "name": "migraine",
        "advice": [
            "Migraine attacks often respond best when a painkiller is taken early, at the first sign of the headache.",
            "Resting in a dark, quiet room during an attack helps many people.",
            "Common triggers include missed meals, poor or irregular sleep, dehydration, stress, alcohol and hormonal changes around periods.",
            "Keeping a headache diary for a few weeks helps you and your doctor spot patterns and judge treatment.",
            "If attacks happen on several days a month, a doctor can discuss preventive medicines taken daily.",
            "Prescription migraine tablets called triptans are an option when ordinary painkillers do not work, but they are not suitable for everyone.",
        ],
        "see_doctor": [
            "Seek urgent care if a headache is suddenly the worst of your life, or comes with weakness, numbness that does not fade, confusion, fever with a stiff neck, or problems with speech.",
            "See your doctor if your attacks change in pattern, become more frequent, or if an aura lasts longer than an hour.",
        ],
        "cases": [
            (
                "Q. Zigzag lines in vision followed by headache",
                "Hello doctor, I am 27. Twice this month I saw flashing zigzag lines for about twenty minutes, and then I got a bad throbbing headache on one side with nausea. What is happening to me?",
                "Visual zigzags lasting up to an hour followed by a one-sided throbbing headache and nausea is the typical picture of migraine with aura.",
            ),
            (
                "Q. Migraine before every period",
                "Hi, I get severe migraines two days before my period every month. They last a day and I have to stay in bed. Is this related to hormones?",
                "Migraines that come regularly just before a period are called menstrual migraines and are linked to the fall in oestrogen at that time.",
            ),
            (
                "Q. Can children get migraines?",
                "Doctor, my 9 year old son sometimes gets headaches with tummy pain and vomiting, and he wants to lie down in a dark room. He is fine in between. Could this be migraine?",
                "Yes, children do get migraines, and in children they are often shorter and come with tummy pain, nausea and a wish to lie down.",
            ),
            (
                "Q. Which painkiller is best for migraine?",
                "Hello, I have been diagnosed with migraine. I usually take paracetamol but it does not help much. Are there better tablets I can take?",
                "Ibuprofen or aspirin, taken early and at the right dose, work better than paracetamol for many people, and adding an anti-sickness tablet can help when nausea slows absorption.",
            ),
            (
                "Q. Migraine attacks getting more frequent",
                "Hi doctor, I used to have a migraine about once a month but now it is four or five times a month. I am 38. What can I do to reduce them?",
                "Four or five attacks a month is enough to consider a preventive treatment, and it is also worth looking at new triggers and at how often you are taking painkillers.",
            ),
            (
                "Q. Is it safe to take migraine medicine while breastfeeding?",
                "Hello, I had a baby three months ago and my migraines are back. I am breastfeeding. What can I safely take?",
                "Paracetamol and ibuprofen are generally considered compatible with breastfeeding at normal doses, and some triptans can also be used, but please confirm the choice with your doctor or pharmacist.",
            ),
            (
                "Q. Numbness in hand before headache",
                "Doctor, before my headache starts, I get tingling that spreads slowly from my fingers up to my face on one side over about fifteen minutes. Then a headache. Is it a stroke?",
                "A tingling that spreads slowly over several minutes and then fades before a headache is a recognised migraine aura, which is different from the sudden symptoms of a stroke, but a first episode like this should always be assessed by a doctor.",
            ),
            (
                "Q. Can food trigger migraine?",
                "Hi, I notice my migraines sometimes come after I eat chocolate or drink red wine. Are certain foods known to cause migraines?",
                "Some people do notice attacks after red wine, aged cheese or chocolate, although a craving for sweet food can also be an early sign of an attack that was coming anyway.",
            ),
            (
                "Q. Migraine with vomiting lasting two days",
                "Hello doctor, my migraine has lasted two days now and I keep vomiting, I cannot keep tablets down. What should I do?",
                "A migraine lasting more than three days is called status migrainosus, and with repeated vomiting you may need treatment by injection or suppository, so please contact a doctor today.",
            ),
        ],
    },
    {
        "name": "acne",
        "advice": [
            "Wash the face twice a day with a mild cleanser and lukewarm water; scrubbing harder does not clear acne and can irritate the skin.",
            "Avoid squeezing or picking spots, as this increases the risk of scars and dark marks.",
            "Choose moisturisers, sunscreens and make-up labelled non-comedogenic or oil-free.",
            "Over-the-counter benzoyl peroxide or adapalene gel can help mild acne, starting every other night to limit dryness.",
            "Acne treatments take six to eight weeks to show a real effect, so give each one a fair trial.",
            "For moderate or scarring acne, a doctor can prescribe stronger creams, antibiotic tablets or other treatments.",
        ],
        "see_doctor": [
            "See a doctor or dermatologist if you have painful deep lumps, scarring, acne that is affecting your mood, or no improvement after two to three months of treatment.",
            "Please get checked if acne starts suddenly in adulthood with irregular periods or extra hair growth, as a hormone check may be needed.",
        ],
        "cases": [
            (
                "Q. Pimples on face at age 16",
                "Hi doctor, I am 16 and I have lots of small pimples and blackheads on my forehead and nose. I wash my face three times a day but it is not getting better. What should I use?",
                "Blackheads and small pimples on the forehead and nose are very common at your age and are due to hormone changes that make the skin oilier.",
            ),
            (
                "Q. Acne on chin in my thirties",
                "Hello, I am 32 and I keep getting painful pimples along my chin and jawline, especially before periods. I never had acne as a teenager. Why now?",
                "Acne along the jaw and chin that flares before periods is common in adult women and is linked to the skin's sensitivity to normal hormone changes.",
            ),
            (
                "Q. Dark marks left after pimples",
                "Doctor, my pimples are getting better but they leave brown marks on my cheeks. How can I remove these marks?",
                "The brown marks are usually post-inflammatory pigmentation rather than true scars, and they fade slowly over months, especially if the acne stays controlled.",
            ),
            (
                "Q. Back and chest acne",
                "Hi, I am 22 and I go to the gym a lot. I have pimples on my upper back and chest. Is it related to sweating?",
                "Sweat and tight clothing can make body acne worse, so showering soon after training and wearing loose breathable clothes can make a clear difference.",
            ),
            (
                "Q. Can diet cause acne?",
                "Hello doctor, my mother says my acne is because I eat chocolate and fried food. Is this true?",
                "The evidence linking particular foods to acne is modest; some studies suggest high sugar diets and a lot of milk may worsen it in some people, but food is rarely the main cause.",
            ),
            (
                "Q. Skin very dry after using acne gel",
                "Hi, I started benzoyl peroxide gel a week ago and now my face is red, dry and peeling. Should I stop it?",
                "Some dryness and peeling in the first weeks is common and usually settles if you use the gel less often and apply a plain moisturiser.",
            ),
            (
                "Q. Painful lumps under the skin of the face",
                "Doctor, I am 19. I have big painful lumps on my cheeks that last weeks and leave scars. Creams from the pharmacy did not help. What are the options?",
                "Deep painful lumps that scar are called nodular acne, and this type usually needs prescription treatment from a doctor rather than creams from the shop.",
            ),
            (
                "Q. Will acne go away on its own?",
                "Hello, I am 17 and have moderate acne on my face. My father says I will grow out of it. Should I just wait?",
                "Many teenagers do improve by their early twenties, but waiting can mean months of spots and a risk of scars, and effective treatments are available now.",
            ),
            (
                "Q. Acne after starting a new face cream",
                "Hi doctor, two weeks after I began a rich night cream I got lots of small bumps on my forehead. Could the cream be the problem?",
                "Heavy creams can block pores and cause small bumps, so stopping the new cream for a few weeks is a sensible first test.",
            ),
        ],
    },
    {
        "name": "fever",
        "advice": [
            "Rest and drink plenty of fluids; small frequent sips are easier if you feel sick.",
            "Paracetamol or ibuprofen can ease a fever and aches, taken at the dose on the pack and not combined with other products that contain the same medicine.",
            "Wear light clothing and keep the room comfortably cool rather than wrapping up.",
            "Most fevers from common viral infections settle within three days.",
            "Check your temperature with a thermometer rather than by touch, and write the readings down.",
            "Antibiotics do not help viral fevers and are only useful when a doctor finds a bacterial infection.",
        ],
        "see_doctor": [
            "Get urgent help for a fever with a stiff neck, a rash that does not fade when pressed with a glass, confusion, difficulty breathing, chest pain or severe drowsiness.",
            "See a doctor if the fever lasts more than three days, keeps coming back, follows recent travel abroad, or if you have a weak immune system or are pregnant.",
        ],
        "cases": [
            (
                "Q. Fever of 38.5 with body aches",
                "Hello doctor, I am 29. Since yesterday I have a fever of 38.5 C with body aches and a mild sore throat. No other problems. What should I do?",
                "A fever of 38.5 C with aches and a mild sore throat is most often a viral infection that your body will clear by itself.",
            ),
            (
                "Q. Fever coming back every evening",
                "Hi, for five days I feel fine in the morning but in the evening my temperature goes up to 38 C. I have no cough. What could it be?",
                "A fever that keeps returning for five days needs a proper examination and probably some blood and urine tests to find the source.",
            ),
            (
                "Q. Fever after returning from a trip abroad",
                "Doctor, I came back from a trip to West Africa ten days ago and now I have fever with chills and headache. Is it just flu?",
                "A fever within weeks of returning from a malaria area must be treated as possible malaria until a blood test shows otherwise.",
                (0, 4),
            ),
            (
                "Q. Can I take paracetamol and ibuprofen together for fever?",
                "Hello, my fever is 39 C and paracetamol alone brings it down only a little. Can I take ibuprofen as well?",
                "Most healthy adults can use paracetamol and ibuprofen, either alternating or together, within the daily limits of each.",
            ),
            (
                "Q. Low grade fever for two weeks",
                "Hi doctor, I am 41 and have had temperatures around 37.6 to 37.9 C for two weeks, with tiredness and some night sweats. Should I be concerned?",
                "A low-grade fever for two weeks with tiredness and night sweats should be assessed by your doctor, who will examine you and may arrange blood tests and a chest X-ray.",
            ),
            (
                "Q. Fever with burning urine",
                "Hello, I have fever 38.3 C, burning when I pass urine, and pain in my right side of the back. What is this?",
                "Fever with burning urine and pain in the side of the back can mean the infection has reached the kidney, which needs antibiotics from a doctor promptly.",
            ),
            (
                "Q. Fever after vaccination",
                "Hi, I had a vaccine yesterday and today I have 37.9 C and a sore arm. Is this normal?",
                "A mild fever and a sore arm in the first one or two days after a vaccine are common and show that the immune system is responding.",
            ),
            (
                "Q. Fever and rash in an adult",
                "Doctor, I am 25 and have had fever for two days and now I have a red rash on my chest and arms. What should I do?",
                "Fever with a new rash is often due to a viral illness, but it can occasionally signal something more serious, so please do the glass test on the rash and arrange to be seen today.",
            ),
            (
                "Q. Fever during pregnancy",
                "Hello doctor, I am 20 weeks pregnant and have a fever of 38.2 C with a cough. What can I take?",
                "Paracetamol is the usual choice for fever in pregnancy, while ibuprofen is generally avoided, and a fever in pregnancy is worth reporting to your midwife or doctor the same day.",
            ),
        ],
    },
    {
        "name": "child fever",
        "advice": [
            "Offer regular drinks and check for signs of enough fluid, such as wet nappies or passing urine every few hours.",
            "Dress the child in light clothing; there is no need to sponge them with cold water.",
            "Children's paracetamol or ibuprofen can be given for distress, using the dose for their age or weight on the pack.",
            "Do not give aspirin to children under 16.",
            "Fever itself is the body's normal response to infection; how the child looks and behaves matters more than the exact number.",
            "Check on the child during the night as well.",
        ],
        "see_doctor": [
            "Call emergency services for a child who is floppy or very hard to wake, has a rash that does not fade under a glass, a stiff neck, a fit, blue lips or difficulty breathing.",
            "Any baby under 3 months with a temperature of 38 C or more needs to be seen urgently; older children should see a doctor if the fever lasts more than five days or they are not drinking.",
        ],
        "cases": [
            (
                "Q. My 2 year old has fever of 39 C",
                "Hi doctor, my 2 year old daughter has a fever of 39 C since this morning. She has a runny nose but is still playing a little and drinking milk. What should I do?",
                "A toddler with a runny nose who is still playing and drinking most likely has a viral cold, and that is reassuring.",
            ),
            (
                "Q. Fever in a 6 week old baby",
                "Hello, my baby is 6 weeks old and her temperature is 38.1 C. She is feeding a bit less. Should I wait until morning?",
                "Please do not wait until morning: a temperature of 38 C or more in a baby under 3 months needs to be checked by a doctor urgently, even if she otherwise seems well.",
                URGENT,
            ),
            (
                "Q. Child had a fit with fever",
                "Doctor, my 18 month old son had a fit lasting one minute when his temperature was high. He is now awake and fine. Is this epilepsy?",
                "A short fit in a young child with a high temperature is often a febrile convulsion, which is usually harmless and not epilepsy, but a first fit always needs a medical check.",
            ),
            (
                "Q. Should I wake my child to give fever medicine?",
                "Hi, my 4 year old has fever from a cold. He is sleeping now. Do I need to wake him to give paracetamol?",
                "There is no need to wake a sleeping child just to give a fever medicine; the medicine is for comfort, not to reach a number.",
            ),
            (
                "Q. Fever not coming down with medicine",
                "Hello doctor, my 3 year old's temperature stays around 38.5 C even after ibuprofen. Does this mean the infection is serious?",
                "A temperature that falls only a little with medicine does not by itself mean the infection is serious; how alert and comfortable she is tells you more.",
            ),
            (
                "Q. Fever with ear pain in a child",
                "Hi, my 5 year old has fever and keeps holding his ear and crying at night. What could it be?",
                "Fever with ear pain in a young child is often a middle ear infection, which frequently gets better by itself within three days.",
            ),
            (
                "Q. Fever and rash in a toddler",
                "Doctor, my 14 month old had high fever for three days, then the fever went away and now she has a pink rash on her body. She seems happy. Is this dangerous?",
                "High fever for three days followed by a pink rash as the fever ends, in a child who is otherwise well, fits roseola, a common viral illness of this age that settles by itself.",
            ),
            (
                "Q. Child fever with fast breathing",
                "Hi doctor, my 2 year old has fever and a cough and seems to be breathing fast, with his tummy moving in and out a lot. What should I do?",
                "Fast breathing with the tummy pulling in can mean a chest infection that is making breathing hard, so he needs to be seen by a doctor today, urgently if he is struggling.",
            ),
            (
                "Q. How long can a child have a fever with a virus?",
                "Hello, my 6 year old has had a fever for four days with a sore throat. She is eating little. How long should this last?",
                "Most viral fevers in children settle in three to four days, so she should be seen by a doctor if it continues beyond five days or sooner if she seems worse.",
            ),
        ],
    },
    {
        "name": "back pain",
        "advice": [
            "Stay as active as you can; bed rest tends to slow recovery from ordinary back pain.",
            "Heat packs and paracetamol or ibuprofen, if suitable for you, can ease pain enough to keep moving.",
            "Gentle walking and simple stretches help the muscles relax and recover.",
            "Most new episodes of lower back pain improve a lot within two to six weeks.",
            "When lifting, keep the load close to the body and bend at the knees rather than the waist.",
            "A physiotherapist can give exercises to strengthen the back and reduce future flare-ups.",
        ],
        "see_doctor": [
            "Get urgent help for back pain with numbness around the genitals or buttocks, new difficulty passing urine or controlling the bowels, or weakness in both legs.",
            "See a doctor soon if back pain comes with fever, unexplained weight loss, a history of cancer, pain that is worse at night, or if it followed a fall or accident.",
        ],
        "cases": [
            (
                "Q. Lower back pain after lifting a heavy box",
                "Hello doctor, I lifted a heavy box yesterday and now my lower back is very painful and stiff. I can walk but bending hurts. What should I do?",
                "Pain and stiffness after lifting is usually a strain of the back muscles or ligaments, which heals well with time.",
            ),
            (
                "Q. Back pain radiating down the leg",
                "Hi, I am 40 and have lower back pain that shoots down the back of my left leg to the foot, with some tingling. What is this?",
                "Pain that shoots down the back of the leg with tingling is called sciatica and is usually caused by irritation of a nerve root in the lower back, often from a bulging disc.",
            ),
            (
                "Q. Back pain from sitting all day",
                "Doctor, I work from home at a desk for ten hours and my lower back aches by the evening. Is my chair the problem?",
                "Long periods of sitting in one position often cause this kind of aching, and setting up the chair to support the lower back and standing up every 30 to 45 minutes usually helps.",
            ),
            (
                "Q. Back pain in pregnancy",
                "Hello, I am 28 weeks pregnant and my lower back aches a lot, especially in the evening. What is safe to do?",
                "Back ache is very common in later pregnancy because of the changing posture and the effect of pregnancy hormones on the ligaments.",
            ),
            (
                "Q. Morning back stiffness in a young man",
                "Hi doctor, I am 26. For six months my lower back is stiff for over an hour every morning and it gets better when I move about. Rest makes it worse. What could it be?",
                "Back stiffness lasting more than half an hour in the morning that improves with activity, in a young adult, can point to an inflammatory condition such as axial spondyloarthritis, so please see your doctor for an assessment and blood tests.",
            ),
            (
                "Q. Is an MRI needed for back pain?",
                "Hello, my back pain has been there for two weeks. Should I get an MRI scan to see what is wrong?",
                "For most back pain without warning signs, a scan in the first weeks does not change treatment and often shows age-related changes that are not the cause of pain.",
            ),
            (
                "Q. Upper back pain between the shoulder blades",
                "Doctor, I have an aching pain between my shoulder blades, worse after working on the laptop. I am 31. What can help?",
                "Aching between the shoulder blades after laptop work is usually from posture and tight muscles, and raising the screen to eye level can make a big difference.",
            ),
            (
                "Q. Back pain with fever",
                "Hi, I have pain in my lower back on the right side and a fever of 38.4 C since yesterday. I also feel sick. Is it my spine?",
                "Back pain on one side with fever and feeling sick may come from a kidney infection rather than the spine, and that needs to be checked by a doctor today.",
                URGENT,
            ),
            (
                "Q. Chronic back pain for over a year",
                "Hello doctor, I am 50 and I have had lower back pain most days for more than a year. Tablets help only a little. What else can I do?",
                "Long-lasting back pain usually improves most with a combination of regular exercise, physiotherapy and sometimes a pain management programme, rather than with stronger tablets.",
            ),
        ],
    },
    {
        "name": "cough",
        "advice": [
            "Most coughs after a cold are caused by viruses and clear up within three weeks.",
            "Warm drinks, honey and lemon can soothe a cough in adults and children over one year; honey must not be given to babies under one.",
            "Drink plenty of fluids and rest.",
            "Avoid smoking and second-hand smoke, which irritate the airways and slow recovery.",
            "Antibiotics do not help viral coughs.",
            "Sleeping with the head a little raised can ease a cough at night.",
        ],
        "see_doctor": [
            "Get urgent help if you cough up blood, have chest pain, become breathless at rest, or your lips look blue.",
            "See a doctor if a cough lasts more than three weeks, comes with weight loss, night sweats or a high fever, or if you smoke and your cough has changed.",
        ],
        "cases": [
            (
                "Q. Dry cough after a cold",
                "Hello doctor, I had a cold two weeks ago. The runny nose is gone but I still have a dry tickly cough, worse at night. Is this normal?",
                "A dry tickly cough that lingers for a few weeks after a cold is common, as the airways stay sensitive for a while after the infection.",
            ),
            (
                "Q. Cough with yellow phlegm",
                "Hi, I have had a cough with yellow phlegm for five days. No fever. Do I need antibiotics?",
                "Yellow or green phlegm does not by itself mean a bacterial infection; most such coughs are viral and clear up without antibiotics.",
            ),
            (
                "Q. Cough lasting two months",
                "Doctor, I am 55 and a smoker. I have had a cough for two months and I have lost some weight. What should I do?",
                "A cough lasting more than three weeks in a smoker, especially with weight loss, needs prompt assessment by a doctor, including a chest X-ray.",
            ),
            (
                "Q. Child coughing at night",
                "Hello, my 5 year old coughs a lot at night and when running, but is fine during the day otherwise. What could cause this?",
                "A cough that comes mainly at night and with exercise in a child can be a sign of asthma, especially if there is wheeze or a family history of allergies.",
            ),
            (
                "Q. Cough after starting blood pressure tablets",
                "Hi, I started a blood pressure tablet called ramipril six weeks ago and now I have a constant dry cough. Could the tablet cause it?",
                "Yes, a dry persistent cough is a known side effect of ACE inhibitors such as ramipril; do not stop it on your own, but ask your doctor about switching to another medicine.",
            ),
            (
                "Q. Cough with heartburn",
                "Hello doctor, I have a long-standing dry cough and I often get heartburn after meals. Are they connected?",
                "Acid reflux can cause a chronic cough, because small amounts of acid irritate the throat and airways.",
            ),
            (
                "Q. Barking cough in a toddler",
                "Doctor, my 2 year old woke up with a barking cough like a seal and a hoarse voice. He has a mild fever. What is this?",
                "A barking cough with a hoarse voice in a young child is typical of croup, a viral infection of the upper airway that is usually mild.",
            ),
            (
                "Q. Coughing fits with a whoop",
                "Hi, my 14 year old has had coughing fits for three weeks. After a fit she sometimes makes a whooping sound or vomits. What could it be?",
                "Coughing fits ending in a whoop or vomiting, lasting weeks, can be whooping cough, so please see your doctor, who may take a swab and advise about protecting younger family members.",
            ),
            (
                "Q. Cough and breathless after a cold",
                "Hello doctor, I am 67. After a cold I now have a cough with fever of 38.5 C and I feel short of breath walking around the house. What should I do?",
                "A cough with fever and breathlessness in someone over 65 could be pneumonia, so you should be examined by a doctor today.",
            ),
        ],
    },
    {
        "name": "sore throat",
        "advice": [
            "Most sore throats are caused by viruses and get better within a week.",
            "Paracetamol or ibuprofen, if suitable, help the pain and make swallowing easier.",
            "Gargling with warm salty water and sucking lozenges can soothe the throat in adults and older children.",
            "Drink plenty of fluids, and soft or cool foods are easier to swallow.",
            "Antibiotics are only helpful for some bacterial throat infections and a doctor can judge when they are needed.",
            "Rest your voice if you are also hoarse.",
        ],
        "see_doctor": [
            "Get urgent help if you have difficulty breathing, drooling because you cannot swallow saliva, a muffled voice with one-sided swelling, or a stiff neck.",
            "See a doctor if the sore throat lasts more than a week, you have a high fever, white patches with very swollen glands, or keep getting throat infections.",
        ],
        "cases": [
            (
                "Q. Sore throat and runny nose",
                "Hi doctor, I have a sore throat, runny nose and a mild cough for two days. No fever. Do I need medicine?",
                "A sore throat together with a runny nose and cough is most likely a common cold virus, which does not need antibiotics.",
            ),
            (
                "Q. White spots on tonsils with fever",
                "Hello, I have a very painful throat, fever of 38.6 C and white spots on my tonsils. I have no cough. Is this strep throat?",
                "Fever, white spots on the tonsils and no cough can fit a bacterial throat infection, so it is reasonable to see a doctor, who may do a quick swab test.",
            ),
            (
                "Q. Sore throat on one side only and hard to open mouth",
                "Doctor, my sore throat has become much worse on the right side, I can barely open my mouth and my voice sounds muffled. What is happening?",
                "A severe one-sided sore throat with difficulty opening the mouth and a muffled voice can mean an abscess next to the tonsil, which needs urgent assessment today.",
            ),
            (
                "Q. Sore throat every morning",
                "Hi, I wake up with a dry sore throat every morning but it improves after breakfast. I sleep with the heater on. Why?",
                "A dry throat in the morning that improves during the day is often from breathing through the mouth in dry air at night.",
            ),
            (
                "Q. Sore throat and extreme tiredness in a teenager",
                "Hello doctor, my 17 year old has a bad sore throat, swollen glands in the neck and is extremely tired for ten days. What could it be?",
                "A bad sore throat with swollen neck glands and marked tiredness in a teenager can be glandular fever, which a blood test can confirm.",
            ),
            (
                "Q. Can I go to work with a sore throat?",
                "Hello, I have a mild sore throat and feel otherwise fine. Is it safe to go to work?",
                "If you feel well enough and have no fever, going to work is usually fine, but wash your hands often and avoid close contact with vulnerable people.",
            ),
            (
                "Q. Hoarse voice for a month",
                "Doctor, I am 58 and smoke. My voice has been hoarse for a month without a cold. Is it serious?",
                "Hoarseness lasting more than three weeks, especially in a smoker, should be checked by a doctor, who may refer you to an ear, nose and throat specialist to look at the voice box.",
            ),
            (
                "Q. Sore throat after antibiotics are finished",
                "Hi, I took antibiotics for tonsillitis and finished them three days ago, but my throat is still a little sore. Should I take more?",
                "Some soreness can linger for a few days after the infection has been treated and does not usually need more antibiotics.",
            ),
            (
                "Q. Frequent tonsillitis in a child",
                "Hello doctor, my 8 year old gets tonsillitis six or seven times a year and misses school. Should her tonsils be removed?",
                "Removing the tonsils is considered when infections are very frequent, for example seven or more well-documented episodes in a year, so it is reasonable to discuss a referral with your doctor.",
            ),
        ],
    },
]
