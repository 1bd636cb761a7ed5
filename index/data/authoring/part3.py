"""Hand-written sample material, part 3. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "allergies",
        "advice": [
            "Non-drowsy antihistamine tablets such as cetirizine or loratadine relieve sneezing, itching and runny nose for many people.",
            "A steroid nasal spray used every day works best for a blocked nose, and it takes a few days to reach full effect.",
            "On high pollen days, keep windows closed, shower and change clothes after being outdoors, and wear wraparound sunglasses.",
            "Rinsing the nose with saline can wash out allergens.",
            "Dust mite allergy improves with regular hot washing of bedding and reducing soft furnishings in the bedroom.",
            "An allergy test can help identify the trigger when the cause is not clear.",
        ],
        "see_doctor": [
            "Call emergency services immediately for swelling of the lips, tongue or throat, difficulty breathing, or feeling faint after contact with a trigger, and use an adrenaline auto-injector if you have one.",
            "See a doctor if symptoms are not controlled by pharmacy treatments, if you also wheeze, or if allergies are affecting sleep or school or work.",
        ],
        "cases": [
            (
                "Q. Sneezing and itchy eyes every spring",
                "Hello doctor, every spring I get sneezing, runny nose and very itchy watery eyes, worse on sunny windy days. I am 23. What can I take?",
                "Sneezing and itchy eyes every spring, worse on windy sunny days, is typical of hay fever, an allergy to pollen.",
            ),
            (
                "Q. Runny nose all year round",
                "Hi, my nose is blocked and runny all year, worse in the mornings and when I clean the house. Could it be an allergy?",
                "Year-round symptoms that are worse in the morning and when dusting suggest an allergy to house dust mites.",
            ),
            (
                "Q. Allergy to cat",
                "Doctor, when I visit my friend who has cats, my eyes swell and I start sneezing within minutes. Can I do anything before I visit?",
                "Taking a non-drowsy antihistamine an hour or so before the visit, and avoiding touching your eyes after stroking the cats, can reduce the reaction.",
            ),
            (
                "Q. Can antihistamines be taken every day?",
                "Hello, I take cetirizine almost every day for my allergies. Is it safe for long-term use?",
                "Non-drowsy antihistamines such as cetirizine are generally safe for daily use over long periods for most adults.",
            ),
            (
                "Q. Lip swelling after eating nuts",
                "Hi doctor, my 6 year old ate a cookie with peanuts and his lips swelled and he got hives. It went away after a few hours. What should we do?",
                "Lip swelling and hives after peanuts suggest a food allergy, and the next reaction could be more severe, so please see your doctor for a referral to an allergy clinic.",
            ),
            (
                "Q. Hay fever in pregnancy",
                "Hello, I am pregnant and my hay fever is bad. Which medicines are safe?",
                "Saline nose rinses and some antihistamines, such as loratadine, are commonly used in pregnancy, but please check with your pharmacist or doctor before starting anything.",
            ),
            (
                "Q. Allergic to bee stings",
                "Doctor, last summer after a bee sting I got hives all over and felt dizzy. Should I be worried about the next sting?",
                "A sting that caused hives all over the body and dizziness is a serious allergic reaction, and you should be assessed for an adrenaline auto-injector and possibly desensitisation treatment.",
            ),
            (
                "Q. Hay fever making asthma worse",
                "Hi, my asthma gets much worse during pollen season. What can help?",
                "Good control of hay fever often improves asthma in pollen season, so daily nasal spray and antihistamines can help your chest as well as your nose.",
            ),
            (
                "Q. Itchy eyes from allergy in a child",
                "Hello doctor, my 7 year old rubs her itchy red eyes every spring. Are there eye drops suitable for children?",
                "Itchy red eyes in pollen season are usually allergic conjunctivitis, and some anti-allergy eye drops and antihistamine syrups are suitable for children.",
            ),
        ],
    },
    {
        "name": "diabetes",
        "advice": [
            "A balanced diet with plenty of vegetables, whole grains and fewer sugary drinks and refined carbohydrates helps control blood sugar.",
            "Aim for regular physical activity, such as 150 minutes of brisk walking a week, as you are able.",
            "Losing even 5 to 10 percent of body weight can improve blood sugar control in type 2 diabetes.",
            "Regular checks of HbA1c, blood pressure, cholesterol, kidneys, eyes and feet help prevent complications.",
            "Check your feet daily for cuts, blisters or colour changes, especially if feeling is reduced.",
            "Take diabetes medicines as prescribed and do not stop or change them without speaking to your doctor.",
        ],
        "see_doctor": [
            "Get urgent help for very high sugar readings with vomiting, abdominal pain, rapid breathing or drowsiness, or for a low sugar that does not improve after taking sugar.",
            "See your doctor or diabetes nurse if readings are often out of your target range, if you have a foot wound that is not healing, or new changes in your vision.",
        ],
        "cases": [
            (
                "Q. What is a normal blood sugar level?",
                "Hello doctor, I am 45 and my fasting blood sugar at a health check was 6.5 mmol/L. Is this diabetes?",
                "A fasting sugar of 6.5 mmol/L is above normal; diabetes is usually diagnosed when fasting sugar is 7.0 or higher, or HbA1c is 48 mmol/mol (6.5 percent) or higher, confirmed by a repeat test.",
            ),
            (
                "Q. Prediabetes and how to prevent diabetes",
                "Hi, my doctor said I have prediabetes with an HbA1c of 44. How can I stop it turning into diabetes?",
                "Prediabetes means a higher risk of diabetes, and lifestyle changes can greatly reduce that risk.",
            ),
            (
                "Q. Thirsty and passing urine a lot",
                "Doctor, I am 38 and for a month I am very thirsty, pass urine often at night and have lost weight without trying. What could it be?",
                "Thirst, frequent urination and unexplained weight loss are classic signs of high blood sugar, so please see a doctor within a day or two for a blood sugar test.",
            ),
            (
                "Q. Side effects of metformin",
                "Hello, I started metformin for type 2 diabetes a week ago and I have loose stools and stomach upset. Is this normal?",
                "Stomach upset and loose stools are common when starting metformin and often settle over a few weeks.",
            ),
            (
                "Q. Can diabetics eat fruit?",
                "Hi doctor, I have type 2 diabetes. My family says I must stop eating all fruit. Is that true?",
                "Whole fruit can be part of a healthy diet in diabetes; it is better to eat whole fruit in sensible portions and avoid fruit juices.",
            ),
            (
                "Q. Low sugar episode with sweating and shaking",
                "Doctor, I take gliclazide and insulin. Today I felt shaky, sweaty and confused before lunch. My sugar was 3.2. What should I do?",
                "A reading of 3.2 with shaking and sweating is a hypo, which should be treated at once with a fast-acting sugar such as glucose tablets or juice, and rechecked after 15 minutes.",
            ),
            (
                "Q. Numbness in feet in diabetes",
                "Hello, I have had diabetes for ten years and now my feet feel numb and tingly, especially at night. What is this?",
                "Numbness and tingling in the feet after years of diabetes is often diabetic nerve damage, called neuropathy.",
            ),
            (
                "Q. Gestational diabetes after pregnancy",
                "Hi, I had diabetes during my pregnancy, and my baby is born now. Will I always have diabetes?",
                "Gestational diabetes usually goes away after birth, but it raises the future risk of type 2 diabetes, so a blood test a few weeks after birth and yearly checks are recommended.",
            ),
            (
                "Q. Child always thirsty and wetting the bed again",
                "Doctor, my 8 year old is drinking huge amounts, running to the toilet and has started wetting the bed again. He looks thinner. What should I do?",
                "Heavy thirst, frequent urination, new bedwetting and weight loss in a child can be signs of type 1 diabetes, which needs a finger-prick sugar test by a doctor today.",
            ),
        ],
    },
    {
        "name": "high blood pressure",
        "advice": [
            "High blood pressure usually causes no symptoms, which is why regular checks matter.",
            "Reducing salt, eating more fruit and vegetables, and limiting alcohol all lower blood pressure.",
            "Regular physical activity and losing excess weight can reduce blood pressure noticeably.",
            "Stopping smoking reduces the overall risk to the heart and blood vessels.",
            "A home blood pressure monitor, used at the same times each day while seated and relaxed, gives a better picture than single clinic readings.",
            "If medicines are prescribed, take them every day even when you feel well.",
        ],
        "see_doctor": [
            "Get emergency help for a very high reading together with chest pain, breathlessness, a severe headache, confusion, weakness on one side or vision loss.",
            "See your doctor if home readings are repeatedly at or above 135/85, or if you notice side effects from your blood pressure medicines.",
        ],
        "cases": [
            (
                "Q. Blood pressure 145/92 at check-up",
                "Hello doctor, I am 47 and at a routine check my blood pressure was 145/92. I feel completely fine. Do I need tablets?",
                "A single reading of 145/92 is raised, but the diagnosis of high blood pressure is usually confirmed with home or 24-hour readings before deciding on tablets.",
            ),
            (
                "Q. Blood pressure high only at the clinic",
                "Hi, my blood pressure is always high at the clinic, around 150/90, but at home it is 125/80. Which is right?",
                "Readings that are high only in the clinic are called white coat hypertension, and home readings are generally more reliable.",
            ),
            (
                "Q. Can I stop blood pressure tablets when readings are normal?",
                "Doctor, I have been on amlodipine for a year and my readings are now 120/78. Can I stop it?",
                "Normal readings usually show that the tablet is working, so stopping it often lets the pressure rise again.",
            ),
            (
                "Q. Ankle swelling after starting amlodipine",
                "Hello, since I started amlodipine a month ago my ankles are swollen in the evening. Is it the medicine?",
                "Ankle swelling is a common side effect of amlodipine, so please let your doctor know, as a lower dose or a different medicine may suit you better.",
            ),
            (
                "Q. High blood pressure in a young person",
                "Hi doctor, I am 25 and my blood pressure is 150/95 on several readings. Isn't that unusual at my age?",
                "High blood pressure at a young age is less common and deserves some tests to look for an underlying cause, such as kidney or hormone problems.",
            ),
            (
                "Q. How much salt is too much?",
                "Hello, my doctor told me to reduce salt for my blood pressure. How much salt per day is okay?",
                "Most adults are advised to keep salt below about 5 to 6 grams a day, roughly one teaspoon in total, including the salt already in bread, processed foods and sauces.",
            ),
            (
                "Q. Blood pressure in pregnancy with headache",
                "Doctor, I am 34 weeks pregnant, my blood pressure is 150/100 today, and I have a headache and see flashing lights. What should I do?",
                "High blood pressure late in pregnancy with headache and visual changes can be pre-eclampsia, which needs to be assessed at a maternity unit straight away.",
                URGENT,
            ),
            (
                "Q. Dizzy after starting blood pressure tablets",
                "Hi, I started a blood pressure tablet last week and I feel dizzy when I stand up quickly. Is this a side effect?",
                "Feeling dizzy on standing can happen when blood pressure medicine is started, especially in older people.",
            ),
            (
                "Q. Does coffee raise blood pressure?",
                "Hello doctor, I have high blood pressure and drink three cups of coffee a day. Should I stop?",
                "Caffeine raises blood pressure briefly, but moderate amounts, around three cups a day, are not thought to be a major problem for most people.",
            ),
        ],
    },
    {
        "name": "pregnancy",
        "advice": [
            "Take folic acid daily, ideally from before conception until 12 weeks of pregnancy.",
            "Avoid alcohol and smoking completely in pregnancy.",
            "Check with a doctor or pharmacist before taking any medicine or supplement while pregnant.",
            "Attend all antenatal appointments, as routine checks of blood pressure and urine can pick up problems early.",
            "Avoid unpasteurised dairy, raw or undercooked meat and eggs, and limit caffeine to about 200 mg a day.",
            "Eating small frequent meals can help with nausea and heartburn.",
        ],
        "see_doctor": [
            "Contact your maternity unit urgently for vaginal bleeding, severe abdominal pain, leaking fluid, a severe headache with vision changes, or if your baby's movements slow down or change.",
            "See your midwife or doctor promptly if you are vomiting so much that you cannot keep fluids down, or have burning urine or a fever.",
        ],
        "cases": [
            (
                "Q. Nausea and vomiting in early pregnancy",
                "Hello doctor, I am 8 weeks pregnant and I feel sick all day and vomit once or twice. I can still drink water. What can I do?",
                "Nausea and some vomiting in the first three months are very common and usually settle by around 14 to 16 weeks.",
            ),
            (
                "Q. Spotting in early pregnancy",
                "Hi, I am 7 weeks pregnant and noticed light brown spotting today, with no pain. Is my baby okay?",
                "Light spotting without pain is fairly common in early pregnancy and often settles, but it should be reported to your doctor or early pregnancy unit, who may arrange a scan.",
            ),
            (
                "Q. Can I exercise while pregnant?",
                "Doctor, I am 14 weeks pregnant and used to go running. Is it safe to continue exercising?",
                "For a healthy pregnancy, staying active is encouraged, and you can usually continue running at a comfortable level.",
            ),
            (
                "Q. Baby moving less than usual",
                "Hello, I am 32 weeks pregnant and today my baby is moving much less than usual. Should I wait until tomorrow?",
                "Please do not wait: a reduction in your baby's movements should be checked by your maternity unit today, even if it turns out to be nothing.",
                URGENT,
            ),
            (
                "Q. Is it safe to eat fish during pregnancy?",
                "Hi, I am pregnant and love fish. Which fish are safe to eat?",
                "Fish is good for you in pregnancy, but avoid shark, swordfish and marlin because of mercury, and limit oily fish such as tuna steaks and mackerel to two portions a week.",
            ),
            (
                "Q. Leg cramps at night in pregnancy",
                "Doctor, I am 28 weeks pregnant and get painful calf cramps at night. What helps?",
                "Leg cramps are common in later pregnancy, and gentle calf stretches before bed and staying active during the day usually help.",
            ),
            (
                "Q. Trying to get pregnant for a year",
                "Hello doctor, my husband and I are 32 and have been trying to conceive for 12 months without success. When should we get checked?",
                "After a year of regular unprotected sex without pregnancy, it is reasonable for both partners to see a doctor to start basic fertility checks.",
            ),
            (
                "Q. Itching in late pregnancy",
                "Hi, I am 34 weeks pregnant and have intense itching on my palms and soles, worse at night, without a rash. Is this normal?",
                "Intense itching of the palms and soles without a rash in late pregnancy can be a liver condition called obstetric cholestasis, which needs a blood test, so please contact your midwife today.",
            ),
            (
                "Q. Taking paracetamol in pregnancy",
                "Hello, I am 20 weeks pregnant and have a bad headache. Can I take paracetamol?",
                "Paracetamol is generally considered the safest painkiller in pregnancy when used at the usual dose for the shortest time needed.",
            ),
        ],
    },
    {
        "name": "diarrhoea",
        "advice": [
            "Drink plenty of fluids in small frequent sips; oral rehydration solutions replace lost salts and water better than plain water.",
            "Eat light, plain food when you feel hungry; there is no need to stop eating.",
            "Most diarrhoea from a stomach bug settles within five to seven days.",
            "Wash hands carefully and do not share towels, to avoid spreading infection.",
            "Stay off work or school until 48 hours after the last episode of diarrhoea or vomiting.",
            "Anti-diarrhoea tablets can help adults with a short-term need, but should not be used if there is blood in the stool or a high fever.",
        ],
        "see_doctor": [
            "Get urgent help for blood in the stool, signs of dehydration such as passing very little urine or feeling faint, severe abdominal pain, or diarrhoea in a baby who is feeding poorly.",
            "See a doctor if diarrhoea lasts more than a week, follows travel abroad or recent antibiotics, or if you have unexplained weight loss.",
        ],
        "cases": [
            (
                "Q. Watery diarrhoea after eating out",
                "Hello doctor, I ate at a restaurant last night and today I have had watery diarrhoea six times with stomach cramps. No blood. What should I do?",
                "Sudden watery diarrhoea with cramps after a meal out is most likely food poisoning or a stomach bug, which usually settles on its own.",
            ),
            (
                "Q. Diarrhoea in a toddler",
                "Hi, my 18 month old has had diarrhoea for two days but is drinking and has wet nappies. What should I give him?",
                "A toddler who is drinking and still has wet nappies is coping well, and the main aim is to keep him hydrated.",
            ),
            (
                "Q. Diarrhoea after antibiotics",
                "Doctor, I finished antibiotics a week ago and now I have watery diarrhoea several times a day with cramps. Is it related?",
                "Antibiotics commonly upset the bowel, but severe or persistent diarrhoea after antibiotics can be caused by an infection called C. difficile, which needs a stool test.",
            ),
            (
                "Q. Traveller's diarrhoea",
                "Hello, I am travelling in Asia and have had loose stools three times a day for two days. No fever. How should I manage it?",
                "Mild traveller's diarrhoea without fever or blood usually settles in a few days with fluids and rest.",
            ),
            (
                "Q. Chronic loose stools for months",
                "Hi doctor, I am 42 and have had loose stools two to three times a day for three months, sometimes waking me at night. I have lost 4 kg.",
                "Loose stools for months with waking at night and weight loss need investigation by your doctor, including blood and stool tests.",
            ),
            (
                "Q. Diarrhoea and vomiting in the family",
                "Hello, everyone in my family has vomiting and diarrhoea since yesterday. How do we stop it spreading?",
                "A stomach bug passing through a family is often norovirus, which spreads very easily.",
            ),
            (
                "Q. Blood in diarrhoea with fever",
                "Doctor, I have diarrhoea with blood in it and a fever of 38.5 C since this morning. What should I do?",
                "Bloody diarrhoea with fever may be a bacterial infection or inflammation of the bowel and should be assessed by a doctor today.",
            ),
            (
                "Q. Diarrhoea with coffee",
                "Hi, every morning after my coffee I need to rush to the toilet with loose stools. Is this a problem?",
                "Coffee stimulates the bowel in many people, and an urgent loose stool after morning coffee is common and usually harmless if you are otherwise well.",
            ),
            (
                "Q. Elderly parent with diarrhoea and dizziness",
                "Hello doctor, my 79 year old father has had diarrhoea for three days and now feels dizzy when standing. He takes water tablets. What should we do?",
                "Diarrhoea for several days with dizziness in an older person on water tablets can mean dehydration and salt imbalance, so he should be seen by a doctor today.",
            ),
        ],
    },
    {
        "name": "constipation",
        "advice": [
            "Gradually increase fibre from fruit, vegetables, whole grains, beans and lentils.",
            "Drink enough fluids through the day.",
            "Regular physical activity helps the bowel move.",
            "Do not ignore the urge to open your bowels, and allow time after breakfast when the bowel is most active.",
            "Resting the feet on a low stool while on the toilet, so the knees are above the hips, can make it easier to pass stool.",
            "A pharmacist can recommend a gentle laxative for short-term use if lifestyle changes are not enough.",
        ],
        "see_doctor": [
            "Get urgent help if constipation comes with severe abdominal pain, a swollen tummy, vomiting, or not passing any wind.",
            "See a doctor if you notice blood in the stool, a lasting change in bowel habit over age 50, unexplained weight loss, or if constipation lasts more than three weeks despite changes.",
        ],
        "cases": [
            (
                "Q. Hard stools and straining",
                "Hello doctor, I am 33 and I pass hard stools only every three or four days, with straining. I eat mostly bread and rice. What can I do?",
                "Hard infrequent stools with straining on a diet low in fruit and vegetables is typical simple constipation.",
            ),
            (
                "Q. Constipation in a baby starting solids",
                "Hi, my 7 month old started solid food and now passes hard pellets and strains. What should I do?",
                "It is common for babies to become constipated when starting solids.",
            ),
            (
                "Q. Constipation from painkillers",
                "Doctor, I take codeine for back pain and I have become very constipated. What can help?",
                "Codeine and similar painkillers slow the bowel and commonly cause constipation, so a laxative is often needed while taking them.",
            ),
            (
                "Q. Constipation in pregnancy",
                "Hello, I am 24 weeks pregnant and constipated. Which laxatives are safe?",
                "Constipation is common in pregnancy because hormones slow the bowel.",
            ),
            (
                "Q. Child afraid to go to the toilet",
                "Hi doctor, my 4 year old holds in his stool because it hurts, and now he only goes once a week. He soils his pants sometimes.",
                "A painful stool can make a child hold on, which makes the next stool harder and more painful, and soiling can happen when stool leaks around the blockage.",
            ),
            (
                "Q. Change in bowel habit at 60",
                "Hello, I am 60 and for two months I have been constipated when I was always regular. I also feel tired. Should I worry?",
                "A new and lasting change in bowel habit at your age should be checked by a doctor, who may suggest tests to look at the bowel.",
            ),
            (
                "Q. Are laxatives addictive?",
                "Doctor, I have been using laxatives for a few months. Will my bowel become lazy?",
                "Most modern laxatives, such as fibre supplements and osmotic laxatives, are safe for longer use and do not make the bowel lazy.",
            ),
            (
                "Q. Constipation and bloating",
                "Hi, I am constipated and my tummy feels bloated and uncomfortable by the evening. What can help?",
                "Bloating often improves once constipation is treated, although too much fibre added too quickly can make bloating worse at first.",
            ),
            (
                "Q. Constipation while travelling",
                "Hello doctor, whenever I travel I get constipated for several days. Any tips?",
                "Changes in routine, food, fluids and toilet access commonly cause constipation when travelling.",
            ),
        ],
    },
    {
        "name": "abdominal pain",
        "advice": [
            "Irritable bowel syndrome is common and causes cramping, bloating and changes in bowel habit without damage to the bowel.",
            "Regular meals, not eating too fast, and a food and symptom diary can help identify triggers.",
            "Reducing fatty food, caffeine, alcohol and fizzy drinks helps many people with tummy pain.",
            "Peppermint oil capsules and antispasmodic tablets from a pharmacist may ease cramps.",
            "Stress management and regular exercise can reduce flare-ups of bowel symptoms.",
            "A dietitian can guide a structured diet such as the low FODMAP diet if simple changes do not help.",
        ],
        "see_doctor": [
            "Get urgent help for severe or worsening abdominal pain, pain with fever, vomiting blood, black stools, a hard swollen tummy, or pain in pregnancy.",
            "See a doctor for unexplained weight loss, blood in the stool, a lasting change in bowel habit after age 50, or a family history of bowel cancer.",
        ],
        "cases": [
            (
                "Q. Cramping tummy pain relieved by going to the toilet",
                "Hello doctor, I am 27 and for a year I get cramping tummy pain and bloating, which gets better after I open my bowels. Sometimes loose, sometimes hard. Tests were normal.",
                "Cramping pain relieved by opening the bowels, with alternating loose and hard stools and normal tests, fits irritable bowel syndrome.",
            ),
            (
                "Q. Pain in lower right abdomen",
                "Hi, since this morning I have pain that started around my belly button and has moved to the lower right side. I feel sick and have a low fever.",
                "Pain that starts around the belly button and moves to the lower right side with nausea and fever is typical of appendicitis, so please go to an emergency department now.",
                URGENT,
            ),
            (
                "Q. Upper abdominal pain after fatty meals",
                "Doctor, I get pain in the upper right part of my tummy after fatty meals, lasting a few hours, sometimes going to my right shoulder. What is it?",
                "Pain under the right ribs after fatty meals, sometimes spreading to the shoulder, is typical of gallstones, which can be checked with an ultrasound scan.",
            ),
            (
                "Q. Child with frequent tummy aches",
                "Hello, my 8 year old often complains of tummy ache around the belly button but eats well and is growing normally. Is it serious?",
                "Recurrent tummy aches around the belly button in a child who is growing well and has no warning signs are common and usually not due to a serious disease.",
            ),
            (
                "Q. Bloating after meals",
                "Hi, I feel very bloated after meals, especially with onions, beans and bread. What could it be?",
                "Bloating after onions, beans and wheat is common and often linked to how the gut ferments certain carbohydrates, known as FODMAPs.",
            ),
            (
                "Q. Burning pain in upper stomach when hungry",
                "Doctor, I have burning pain in the upper middle tummy when I am hungry, which eases after food. I take ibuprofen often.",
                "Burning upper tummy pain that eases with food, in someone taking ibuprofen often, can be a stomach or duodenal ulcer.",
            ),
            (
                "Q. Period-like pain but not on period",
                "Hello, I am 25 and have sharp lower abdominal pain on one side. My period is two weeks late. What should I do?",
                "One-sided lower tummy pain with a late period needs an urgent pregnancy test and same-day medical review, to rule out an ectopic pregnancy.",
                URGENT,
            ),
            (
                "Q. IBS and stress",
                "Hi doctor, my IBS symptoms always get worse during exams and stressful times. Is it in my head?",
                "The gut and brain are closely connected, so stress genuinely makes IBS symptoms worse; this does not mean the pain is imagined.",
            ),
            (
                "Q. Tummy pain and weight loss at 55",
                "Hello, I am 55 and have had a vague tummy discomfort for two months and I have lost 5 kg without trying.",
                "Tummy discomfort with unexplained weight loss at your age needs prompt assessment by a doctor, including blood tests and possibly a scan or camera test.",
                URGENT,
            ),
        ],
    },
    {
        "name": "knee pain",
        "advice": [
            "Keep moving: gentle exercise and strengthening of the thigh muscles protect the knee.",
            "Low impact activities such as cycling and swimming are kind to painful knees.",
            "Losing excess weight reduces the load on the knees considerably.",
            "Ice after activity or a warm pack for stiffness can ease pain.",
            "Paracetamol or an anti-inflammatory gel rubbed on the knee may help, if suitable for you.",
            "A physiotherapist can assess how you move and give a targeted exercise plan.",
        ],
        "see_doctor": [
            "Get urgent help for a hot, red, swollen knee with fever, or if you cannot bear weight or straighten the knee after an injury.",
            "See a doctor if the knee keeps locking or giving way, swelling does not settle within a few days, or pain stops you from daily activities.",
        ],
        "cases": [
            (
                "Q. Knee pain when climbing stairs",
                "Hello doctor, I am 58 and my knees ache when I climb stairs and after walking for long. They are stiff in the morning for a few minutes. What is it?",
                "Knee ache on stairs and after walking, with brief morning stiffness, at your age is most often osteoarthritis, which is very common.",
            ),
            (
                "Q. Pain at the front of the knee in a runner",
                "Hi, I am 24 and run a lot. I get pain around the kneecap when running downhill and after sitting for long. What can I do?",
                "Pain around the kneecap with running downhill and after long sitting fits patellofemoral pain, sometimes called runner's knee.",
            ),
            (
                "Q. Knee twisted playing football and swollen",
                "Doctor, I twisted my knee playing football, heard a pop and the knee swelled up within an hour. Now it feels unstable.",
                "A pop, rapid swelling and a feeling of instability after a twist can mean a ligament injury such as an ACL tear, so please have it examined soon.",
            ),
            (
                "Q. Knee locking after squatting",
                "Hello, after squatting my knee sometimes gets stuck and I have to wiggle it to straighten. There is pain on the inner side.",
                "A knee that catches or locks with pain on the inner side can be caused by a meniscus tear, the cartilage cushion in the knee.",
            ),
            (
                "Q. Sudden hot swollen big toe and knee",
                "Hi, I woke up with a very painful hot swollen knee, and I had gout in my big toe last year. What should I do?",
                "A sudden hot swollen knee in someone with gout could be a gout flare, but an infected joint can look similar, so please see a doctor today.",
            ),
            (
                "Q. Knee pain in a growing teenager",
                "Hello doctor, my 13 year old son plays a lot of basketball and has a painful bump below his kneecap. What is it?",
                "A painful bump below the kneecap in an active teenager is often Osgood-Schlatter disease, an irritation at the growth area that settles as growth finishes.",
            ),
            (
                "Q. Swelling behind the knee",
                "Doctor, I have a soft swelling at the back of my knee that feels tight when I bend. I have arthritis.",
                "A soft swelling behind the knee in someone with arthritis is often a Baker's cyst, a fluid-filled sac that is usually harmless.",
            ),
            (
                "Q. Are knee injections useful?",
                "Hi, I have knee arthritis and my friend got an injection that helped. Should I ask for one?",
                "Steroid injections can give several weeks of relief in a flare of knee arthritis, but they do not cure it and are usually limited in number.",
            ),
            (
                "Q. Knee pain and calf swelling after a long flight",
                "Hello, after a 12 hour flight my calf is swollen, warm and painful, and the pain goes up to the back of my knee.",
                "A swollen, warm, painful calf after a long flight can be a blood clot in the leg, which needs an urgent same-day assessment.",
                URGENT,
            ),
        ],
    },
]
