"""Hand-written sample material, part 5. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "mouth ulcers",
        "advice": [
            "Most common mouth ulcers heal by themselves within one to two weeks.",
            "Avoid spicy, salty, acidic or rough foods that sting the ulcer.",
            "A soft toothbrush and a toothpaste without sodium lauryl sulphate may reduce repeat ulcers.",
            "Pharmacy gels, protective pastes or antiseptic mouthwashes can ease pain while the ulcer heals.",
            "Repeated ulcers are sometimes linked to low iron, vitamin B12 or folate, which a blood test can check.",
            "Stress and minor injuries, such as biting the cheek, commonly trigger ulcers.",
        ],
        "see_doctor": [
            "See a doctor or dentist promptly for any mouth ulcer that has not healed after three weeks, especially if you smoke or drink alcohol.",
            "Please get checked if ulcers are very frequent or large, come with fever, weight loss, diarrhoea or ulcers elsewhere on the body.",
        ],
        "cases": [
            (
                "Q. Painful white ulcer inside the lip",
                "Hello doctor, I have a painful round white sore with a red border inside my lower lip for four days. It hurts when I eat. What is it?",
                "A round white sore with a red border inside the lip is a typical aphthous mouth ulcer, which is common and harmless.",
            ),
            (
                "Q. Mouth ulcers every month",
                "Hi, I get two or three mouth ulcers almost every month. They heal but come back. Why?",
                "Repeated mouth ulcers are common and often run in families, but frequent ones are worth a blood test for low iron, B12 or folate.",
            ),
            (
                "Q. Ulcer from a sharp tooth",
                "Doctor, a broken tooth is rubbing my tongue and now there is a sore ulcer there.",
                "An ulcer caused by a sharp tooth will keep returning until the tooth is smoothed or repaired, so please see your dentist.",
            ),
            (
                "Q. Mouth ulcer not healing for a month",
                "Hello, I am 60 and smoke. I have had a painless ulcer on the side of my tongue for a month.",
                "An ulcer that has not healed after three weeks, particularly in a smoker, needs to be checked promptly by a doctor or dentist to rule out cancer.",
                URGENT,
            ),
            (
                "Q. Child with mouth sores and fever",
                "Hi doctor, my 2 year old has many mouth sores, red swollen gums, fever, and is refusing to eat and drink.",
                "Many mouth sores with swollen gums and fever in a young child often mean a first herpes mouth infection, and the main risk is dehydration.",
            ),
            (
                "Q. Mouth ulcers with braces",
                "Hello, I just got braces and have ulcers inside my cheeks where the wires rub.",
                "Sores from new braces are common in the first weeks and usually settle as the mouth toughens.",
            ),
            (
                "Q. Ulcers in mouth and diarrhoea",
                "Doctor, I am 24 and have mouth ulcers, diarrhoea for six weeks and some weight loss.",
                "Mouth ulcers together with weeks of diarrhoea and weight loss can be linked to bowel conditions such as Crohn's disease or coeliac disease, so please see your doctor soon.",
            ),
            (
                "Q. Ulcer after hot food",
                "Hi, I burned the roof of my mouth on hot pizza and now there is a sore patch. How long will it take?",
                "Minor burns of the roof of the mouth usually heal within a week.",
            ),
            (
                "Q. Mouth ulcers during stress",
                "Hello doctor, whenever I have exams I get several mouth ulcers. Can stress cause them?",
                "Stress is a well-known trigger for mouth ulcers in people who are prone to them.",
            ),
        ],
    },
    {
        "name": "nosebleed",
        "advice": [
            "Sit up, lean forward, and pinch the soft part of the nose just below the bony bridge for 10 to 15 minutes without letting go.",
            "Breathe through the mouth and spit out any blood rather than swallowing it.",
            "Do not lie down or tilt the head back, as blood can run into the throat.",
            "For a day after a nosebleed, avoid blowing or picking the nose, hot drinks, heavy lifting and strenuous exercise.",
            "A little petroleum jelly inside the nostrils and a humidifier can help if the nose is dry.",
            "Most nosebleeds come from small vessels at the front of the nose and are not serious.",
        ],
        "see_doctor": [
            "Go to an emergency department if bleeding does not stop after 20 minutes of firm pressure, is very heavy, follows a head injury, or you feel faint.",
            "See a doctor if nosebleeds are frequent, if you take blood thinners, or if you also bruise easily or bleed from the gums.",
        ],
        "cases": [
            (
                "Q. Child with frequent nosebleeds",
                "Hello doctor, my 7 year old son gets nosebleeds about twice a week, usually at night. They stop in a few minutes. He picks his nose.",
                "Frequent short nosebleeds in children are very common, often from dry or scratched blood vessels at the front of the nose.",
            ),
            (
                "Q. How to stop a nosebleed",
                "Hi, my nose started bleeding suddenly while I was at work. What is the right way to stop it?",
                "Most nosebleeds stop with the right first aid.",
            ),
            (
                "Q. Nosebleed while taking blood thinners",
                "Doctor, I take warfarin and have had a nosebleed for 15 minutes that is not stopping easily.",
                "Nosebleeds can be harder to stop on blood thinners, and if pressure has not controlled it by 20 minutes, you should go to an emergency department.",
            ),
            (
                "Q. Nosebleeds in winter",
                "Hello, every winter I get small nosebleeds when I blow my nose. The heating is on at home.",
                "Dry indoor air in winter dries the lining of the nose, making the small vessels crack and bleed.",
            ),
            (
                "Q. Nosebleed and high blood pressure",
                "Hi doctor, I had a nosebleed and at the pharmacy my blood pressure was 160/100. Did the pressure cause it?",
                "Raised blood pressure can make a nosebleed harder to stop, although it is not usually the only cause, and your blood pressure should be rechecked and followed up.",
            ),
            (
                "Q. Nosebleed in pregnancy",
                "Hello, I am 18 weeks pregnant and I have had several nosebleeds. Is this normal?",
                "Nosebleeds are more common in pregnancy because of increased blood flow and hormone effects on the lining of the nose.",
            ),
            (
                "Q. Nosebleed after a blow to the nose",
                "Doctor, my son was hit in the nose with a ball. It bled and now his nose looks crooked and swollen.",
                "A nosebleed with a crooked swollen nose after a blow can mean a broken nose, which is best assessed once the swelling settles, usually within a week.",
            ),
            (
                "Q. Bleeding from one nostril with blockage in an adult",
                "Hi, I am 55 and have had repeated small bleeds from the same nostril for two months, with blockage on that side.",
                "Repeated bleeding with blockage on one side for weeks in an adult should be checked by an ear, nose and throat specialist.",
            ),
            (
                "Q. Nosebleed and easy bruising",
                "Hello doctor, my teenage daughter has frequent nosebleeds, heavy periods and bruises easily.",
                "Frequent nosebleeds together with heavy periods and easy bruising can point to a bleeding tendency, so she should see a doctor for blood tests.",
            ),
        ],
    },
    {
        "name": "period pain",
        "advice": [
            "Ibuprofen or naproxen, if suitable, work well for period pain, especially when started at the first sign of pain.",
            "A heat pad or hot water bottle on the lower tummy eases cramps.",
            "Gentle exercise such as walking, swimming or yoga can reduce pain.",
            "Some hormonal contraceptives reduce period pain and heavy bleeding.",
            "Tracking your cycle and symptoms in a diary or app helps your doctor understand the pattern.",
            "Periods that soak through protection every hour or contain large clots are considered heavy and worth discussing.",
        ],
        "see_doctor": [
            "Get urgent help for severe lower abdominal pain with a missed period or positive pregnancy test, pain with fever, or bleeding so heavy that you feel faint.",
            "See a doctor if period pain stops you from daily activities, is getting worse over time, or comes with pain during sex, bleeding between periods or after sex.",
        ],
        "cases": [
            (
                "Q. Painful periods in a teenager",
                "Hello doctor, my 15 year old daughter has very painful cramps on the first two days of her period and misses school. What can help?",
                "Painful cramps in the first days of a period are common in teenagers and are caused by chemicals called prostaglandins that make the womb contract.",
            ),
            (
                "Q. Period pain getting worse over years",
                "Hi, I am 30 and my period pain has become worse each year. I also have pain during sex.",
                "Period pain that worsens over the years with pain during sex can be caused by endometriosis, so please see your doctor to discuss it.",
            ),
            (
                "Q. Heavy periods with clots",
                "Doctor, my periods last eight days and I pass large clots and need to change pads every hour on heavy days.",
                "Periods this heavy deserve assessment, including a blood test for anaemia and possibly an ultrasound.",
            ),
            (
                "Q. Irregular periods",
                "Hello, I am 24 and my periods come every 40 to 60 days. I have acne and gaining weight easily.",
                "Irregular periods with acne and weight gain can be due to polycystic ovary syndrome, which a doctor can assess with blood tests and sometimes an ultrasound.",
            ),
            (
                "Q. Missed period and negative test",
                "Hi doctor, my period is two weeks late, and two pregnancy tests are negative. I have been very stressed.",
                "Stress, weight change and intense exercise can delay periods, and a late period with negative tests is common.",
            ),
            (
                "Q. Bleeding between periods",
                "Hello, I have noticed spotting between periods for two months and sometimes after sex. I am 35.",
                "Bleeding between periods or after sex should be checked by a doctor, including an examination and making sure cervical screening is up to date.",
            ),
            (
                "Q. Is it safe to take painkillers for period pain every month?",
                "Doctor, I take ibuprofen for three days every month for period pain. Is it safe?",
                "Taking ibuprofen for a few days each month at the recommended dose is generally safe for healthy women without stomach, kidney or asthma problems.",
            ),
            (
                "Q. Period pain and vomiting",
                "Hi, my period pain is so bad that I vomit and nearly faint on the first day.",
                "Pain severe enough to cause vomiting and near fainting is more than usual and should be assessed by a doctor.",
            ),
            (
                "Q. Bleeding after menopause",
                "Hello doctor, I am 58 and my periods stopped four years ago, but this week I had some bleeding.",
                "Any bleeding after the menopause needs to be checked by a doctor promptly, usually with an ultrasound, to find the cause.",
                URGENT,
            ),
        ],
    },
    {
        "name": "thyroid",
        "advice": [
            "Thyroid problems are common and are diagnosed with simple blood tests of TSH and thyroid hormone.",
            "Levothyroxine for an underactive thyroid is best taken on an empty stomach, at the same time each day, away from iron and calcium supplements.",
            "After starting or changing thyroid medicine, blood tests are usually repeated after six to eight weeks.",
            "Most people with a treated thyroid condition lead completely normal lives.",
            "Tell your doctor if you are planning pregnancy or become pregnant, as thyroid medicine doses often need adjusting.",
            "Avoid taking high-dose iodine or kelp supplements without medical advice.",
        ],
        "see_doctor": [
            "Get urgent help for a very fast or irregular heartbeat with chest pain or breathlessness, or a neck swelling that is making it hard to breathe or swallow.",
            "See a doctor if you notice a new lump in the neck, symptoms of an over- or underactive thyroid, or if you feel unwell on your current dose.",
        ],
        "cases": [
            (
                "Q. High TSH in blood test",
                "Hello doctor, my blood test shows TSH of 7.5 with normal T4. I feel a bit tired. Do I need treatment?",
                "A raised TSH with normal T4 is called subclinical hypothyroidism, and treatment depends on the level, your symptoms and repeat results.",
            ),
            (
                "Q. Weight loss, palpitations and sweating",
                "Hi, I am 32 and I have lost weight despite eating well, my heart races, I feel hot and shaky. What could it be?",
                "Weight loss despite a good appetite, a racing heart, feeling hot and shaky are typical of an overactive thyroid.",
            ),
            (
                "Q. Lump in the front of the neck",
                "Doctor, I noticed a painless lump in the front of my neck that moves when I swallow.",
                "A lump that moves when you swallow is likely to be in the thyroid gland, and most thyroid nodules are harmless.",
            ),
            (
                "Q. When to take levothyroxine",
                "Hello, I was just started on levothyroxine. Can I take it with my breakfast and coffee?",
                "Levothyroxine is absorbed best on an empty stomach, so most people take it with water 30 to 60 minutes before breakfast and coffee.",
            ),
            (
                "Q. Thyroid and pregnancy",
                "Hi doctor, I take levothyroxine and just found out I am pregnant. Do I need to change anything?",
                "Congratulations; thyroid hormone needs usually rise in early pregnancy, so please contact your doctor promptly for a blood test and dose review.",
            ),
            (
                "Q. Still tired on thyroid medicine",
                "Hello, I have been on levothyroxine for a year and my tests are normal, but I still feel tired.",
                "Some people remain tired despite normal thyroid tests, and it is worth looking for other causes such as anaemia, vitamin D deficiency, sleep problems or low mood.",
            ),
            (
                "Q. Hair loss and thyroid",
                "Doctor, my hair is thinning and I wonder if it is my thyroid. What tests should I do?",
                "Both underactive and overactive thyroid can cause hair thinning, and a TSH blood test is a simple first check.",
            ),
            (
                "Q. Thyroid problem after pregnancy",
                "Hi, four months after giving birth I have palpitations, anxiety and weight loss.",
                "Some women develop postpartum thyroiditis, a temporary thyroid inflammation after pregnancy, which can first cause overactive symptoms.",
            ),
            (
                "Q. Neck pain with fever and thyroid tenderness",
                "Hello doctor, the front of my neck is very painful and tender after a flu-like illness, and I feel shaky.",
                "A painful tender thyroid after a viral illness, with shaky feelings, can be subacute thyroiditis, an inflammation that usually settles over weeks to months.",
            ),
        ],
    },
    {
        "name": "asthma",
        "advice": [
            "A preventer inhaler, usually containing a steroid, should be used every day as prescribed, even when you feel well.",
            "If you need your reliever inhaler more than two or three times a week, your asthma is not well controlled.",
            "Using a spacer with a metered-dose inhaler helps more medicine reach the lungs.",
            "A written asthma action plan tells you what to do when symptoms worsen.",
            "Avoid smoking and second-hand smoke, and identify personal triggers such as pollen, pets, dust or cold air.",
            "A yearly asthma review and flu vaccination are recommended.",
        ],
        "see_doctor": [
            "Call emergency services if your reliever is not helping, you are too breathless to speak or eat, your lips are blue, or you feel exhausted or drowsy.",
            "See your doctor soon if you are using your reliever more often, waking at night with asthma, or have had a recent attack.",
        ],
        "cases": [
            (
                "Q. Wheezing and breathless at night",
                "Hello doctor, I am 22 and I wake at night with wheezing, coughing and tight chest. It is worse in cold weather. What could it be?",
                "Night-time wheezing, coughing and chest tightness, worse with cold air, are typical features of asthma.",
            ),
            (
                "Q. Using blue inhaler every day",
                "Hi, I have asthma and use my blue inhaler every day, sometimes several times. Is that okay?",
                "Needing the blue reliever every day means your asthma is not well controlled, and your treatment should be reviewed.",
            ),
            (
                "Q. Asthma attack what to do",
                "Doctor, what should I do if I have an asthma attack and my inhaler is not helping enough?",
                "Sit upright, stay as calm as you can, and take one puff of your reliever every 30 to 60 seconds, up to ten puffs, using a spacer if you have one.",
            ),
            (
                "Q. Child with asthma and exercise",
                "Hello, my 10 year old has asthma and coughs and wheezes when playing football. Should she stop sport?",
                "Children with asthma should be able to play sport, and symptoms during exercise usually mean the asthma needs better control.",
            ),
            (
                "Q. Steroid inhaler side effects",
                "Hi doctor, I am worried about using a steroid inhaler every day. Is it safe long term?",
                "Inhaled steroids are used in small doses that go mainly to the lungs and are safe for long-term use for most people.",
            ),
            (
                "Q. Asthma in pregnancy",
                "Hello, I have asthma and I am pregnant. Should I stop my inhalers to protect the baby?",
                "Please do not stop your inhalers; well-controlled asthma is much safer for you and your baby than uncontrolled asthma.",
            ),
            (
                "Q. Adult-onset asthma",
                "Doctor, I am 45 and never had asthma, but for three months I have a cough and wheeze, especially at work in a bakery.",
                "New asthma symptoms in adulthood that are worse at work can be occupational asthma, for example from flour dust.",
            ),
            (
                "Q. Inhaler technique",
                "Hi, I am not sure if I am using my inhaler correctly. Some of the spray seems to come out of my mouth.",
                "Poor inhaler technique is very common and means less medicine reaches your lungs.",
            ),
            (
                "Q. Asthma and pets",
                "Hello doctor, my asthma got worse after we got a cat. Do I have to give it away?",
                "Pet allergy is a common asthma trigger, and the worsening since you got the cat suggests a link.",
            ),
        ],
    },
    {
        "name": "cholesterol",
        "advice": [
            "Replacing saturated fats, found in fatty meat, butter and cream, with unsaturated fats such as olive oil, nuts and oily fish helps lower cholesterol.",
            "Eating more fibre from oats, beans, lentils, fruit and vegetables also helps.",
            "Regular physical activity raises protective HDL cholesterol and improves overall heart health.",
            "Stopping smoking and keeping alcohol within limits reduce heart risk.",
            "Your doctor will look at total heart risk, not cholesterol alone, to decide whether a statin is needed.",
            "If a statin is prescribed, take it regularly and report muscle pain or other side effects to your doctor.",
        ],
        "see_doctor": [
            "Get emergency help for chest pain, pressure or tightness that spreads to the arm, jaw or back, or comes with breathlessness or sweating.",
            "See your doctor for a heart risk assessment if you have high cholesterol, a family history of early heart disease, diabetes or high blood pressure.",
        ],
        "cases": [
            (
                "Q. Cholesterol level 6.5",
                "Hello doctor, my total cholesterol is 6.5 mmol/L and LDL is 4.2. I am 45 and healthy. Do I need medicine?",
                "These levels are above the ideal range, and the decision about medicine depends on your overall 10-year heart risk.",
            ),
            (
                "Q. Muscle pain on statins",
                "Hi, I started atorvastatin a month ago and now my legs ache. Should I stop it?",
                "Muscle aches can occur with statins, so please speak to your doctor rather than simply stopping.",
            ),
            (
                "Q. High cholesterol in a young thin person",
                "Doctor, I am 28, slim and active, but my cholesterol is 8.5 and my father had a heart attack at 45.",
                "Very high cholesterol at a young age with a family history of early heart attack may be familial hypercholesterolaemia, an inherited condition that needs specialist assessment.",
            ),
            (
                "Q. Can diet alone lower cholesterol?",
                "Hello, I would prefer not to take tablets. How much can diet lower my cholesterol?",
                "Diet changes can lower cholesterol by around 10 percent, sometimes more when combined with weight loss and exercise.",
            ),
            (
                "Q. Are eggs bad for cholesterol?",
                "Hi doctor, I have high cholesterol. Should I stop eating eggs completely?",
                "For most people, eggs have only a small effect on blood cholesterol, and saturated fat in the diet matters more.",
            ),
            (
                "Q. Good and bad cholesterol",
                "Hello, my report shows HDL 1.0 and LDL 3.8. What do these mean?",
                "LDL is often called bad cholesterol because high levels build up in artery walls, while HDL helps carry cholesterol away, so higher HDL is better.",
            ),
            (
                "Q. How often should cholesterol be checked?",
                "Doctor, I am 40 with no health problems. How often should I check my cholesterol?",
                "For healthy adults, a cholesterol check as part of a heart risk assessment every few years is usually enough, more often if results are high or you are on treatment.",
            ),
            (
                "Q. Statins and grapefruit",
                "Hi, I take simvastatin. My friend said I should not eat grapefruit. Is that true?",
                "Grapefruit can raise the level of some statins, including simvastatin, in the blood, which increases the risk of side effects.",
            ),
            (
                "Q. Triglycerides very high",
                "Hello doctor, my triglycerides are 6.0 mmol/L. I drink beer most nights and my sugar is borderline.",
                "Very high triglycerides are often linked to alcohol, excess weight and high blood sugar, and reducing alcohol usually brings them down noticeably.",
            ),
        ],
    },
    {
        "name": "weight management",
        "advice": [
            "Steady weight loss of about 0.5 to 1 kg a week is safer and more likely to last than crash diets.",
            "Smaller portions, more vegetables and fewer sugary drinks and snacks make a meaningful difference.",
            "Regular physical activity, building up to at least 150 minutes a week, supports weight loss and health.",
            "Keeping a food diary increases awareness of eating patterns.",
            "Good sleep and stress management help control appetite.",
            "Your doctor can discuss structured programmes, medicines or surgery if lifestyle changes are not enough.",
        ],
        "see_doctor": [
            "See a doctor promptly for unexplained weight loss of more than 5 percent over six months, or weight loss with fever, night sweats or changes in bowel habit.",
            "Please discuss with a doctor if you have rapid unexplained weight gain, swelling of the legs, or if you are considering weight loss medicines or supplements.",
        ],
        "cases": [
            (
                "Q. How to lose weight safely",
                "Hello doctor, I am 35, 1.65 m tall and weigh 85 kg. I want to lose weight but diets never work for me. Where should I start?",
                "Your BMI is around 31, which is in the obese range, and losing even 5 to 10 percent of your weight would bring real health benefits.",
            ),
            (
                "Q. Weight gain after stopping smoking",
                "Hi, I quit smoking three months ago and gained 5 kg. Should I start smoking again to lose weight?",
                "Please do not restart smoking; the health benefits of quitting far outweigh the effects of a few kilograms.",
            ),
            (
                "Q. Unexplained weight loss",
                "Doctor, I have lost 7 kg in three months without trying. I am 52. I am eating normally.",
                "Losing this much weight without trying should be checked promptly by a doctor, with blood tests and an examination.",
                URGENT,
            ),
            (
                "Q. Weight gain with medications",
                "Hello, since I started an antidepressant I gained 6 kg. What can I do?",
                "Some antidepressants can cause weight gain, so please discuss it with your doctor, as another medicine may suit you better.",
            ),
            (
                "Q. Child overweight",
                "Hi doctor, my 10 year old is overweight and gets teased. Should he go on a diet?",
                "For growing children the aim is usually to slow weight gain while they grow taller, rather than strict dieting.",
            ),
            (
                "Q. Are weight loss pills safe?",
                "Hello, I saw weight loss pills advertised online. Are they safe?",
                "Many weight loss products sold online are unregulated and some contain hidden, dangerous ingredients, so they are best avoided.",
            ),
            (
                "Q. Weight loss and exercise not working",
                "Doctor, I exercise five times a week but I am not losing weight. Why?",
                "Exercise is excellent for health, but weight loss depends more on food intake, and exercise can increase appetite.",
            ),
            (
                "Q. Intermittent fasting",
                "Hi, is intermittent fasting a good way to lose weight?",
                "Intermittent fasting can help some people reduce their overall intake, and studies suggest results similar to other calorie-reduced diets.",
            ),
            (
                "Q. Weight gain and tiredness in a woman",
                "Hello doctor, I am 42 and have gained weight, feel tired, and my periods are heavier. Could there be a medical reason?",
                "Weight gain with tiredness and heavier periods could be linked to an underactive thyroid or other causes, which blood tests can check.",
            ),
        ],
    },
    {
        "name": "haemorrhoids",
        "advice": [
            "Avoid straining on the toilet by keeping stools soft with fibre and fluids.",
            "Do not sit on the toilet for long periods, for example reading a phone.",
            "Soothing creams or suppositories from a pharmacy can ease itching and discomfort for a few days.",
            "A warm bath can relieve pain and itching.",
            "Gently clean the area with moist unperfumed wipes or water and pat dry.",
            "Most haemorrhoids settle within a few days to weeks with these measures.",
        ],
        "see_doctor": [
            "Get urgent help for heavy rectal bleeding, bleeding with dizziness, or severe anal pain with a hard swollen lump.",
            "See a doctor for any rectal bleeding that is new, especially over age 50, with a change in bowel habit, weight loss, or dark or mixed-in blood.",
        ],
        "cases": [
            (
                "Q. Bright red blood on toilet paper",
                "Hello doctor, I am 30 and notice bright red blood on the toilet paper after passing hard stools. There is no pain. What is it?",
                "Bright red blood on the paper after hard stools, without pain, is most often from haemorrhoids, swollen veins at the anus.",
            ),
            (
                "Q. Painful lump at the anus",
                "Hi, I suddenly developed a very painful hard bluish lump at my anus after straining.",
                "A sudden painful hard bluish lump after straining is often a thrombosed external haemorrhoid, a small blood clot.",
            ),
            (
                "Q. Haemorrhoids in pregnancy",
                "Doctor, I am 32 weeks pregnant and have painful piles. What can I use?",
                "Piles are common in pregnancy because of pressure on the veins and constipation.",
            ),
            (
                "Q. Sharp pain passing stool with bleeding",
                "Hello, I have sharp pain like a cut when I pass stool and some bright blood. The pain lasts an hour afterwards.",
                "Sharp cutting pain during and after passing stool, with bright blood, is more typical of an anal fissure, a small tear, than haemorrhoids.",
            ),
            (
                "Q. Itching around the anus",
                "Hi doctor, I have itching around my anus especially at night. Could it be piles?",
                "Anal itching can be caused by haemorrhoids, but also by moisture, irritation from wiping or soaps, skin conditions, or threadworms.",
            ),
            (
                "Q. Piles keep coming back",
                "Hello, my haemorrhoids keep coming back every few months. Is surgery needed?",
                "Most recurring haemorrhoids are managed first with diet and simple treatments, and clinic procedures such as banding are options before surgery.",
            ),
            (
                "Q. Dark blood mixed in stool",
                "Doctor, I am 58 and have noticed dark blood mixed into my stool for two weeks. I assumed it was piles.",
                "Dark blood mixed with stool is less typical of haemorrhoids and needs prompt assessment, usually including a camera test of the bowel.",
                URGENT,
            ),
            (
                "Q. Lump coming out after stool",
                "Hi, after passing stool a soft lump comes out of my anus and I push it back in. It sometimes bleeds.",
                "A soft lump that comes out after stool and can be pushed back in is usually a prolapsed internal haemorrhoid.",
            ),
            (
                "Q. Can I use pile cream for a long time?",
                "Hello doctor, I have been using a steroid-containing pile cream for a month. Is it okay?",
                "Creams containing steroids should not be used for more than about a week at a time, as they can thin the skin.",
            ),
        ],
    },
]
