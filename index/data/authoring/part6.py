"""Hand-written sample material, part 6. Conservative general advice, not a substitute for care."""

from authoring.markers import URGENT

COMPLAINTS = [
    {
        "name": "fungal skin infection",
        "advice": [
            "Antifungal creams such as clotrimazole or terbinafine from a pharmacy treat most fungal skin infections.",
            "Continue the cream for one to two weeks after the skin looks clear, to stop it coming back.",
            "Keep the skin clean and dry, especially between the toes and in skin folds.",
            "Wear breathable cotton clothing and change socks daily.",
            "Do not share towels, and wear flip-flops in communal showers.",
            "Avoid using steroid creams on a suspected fungal rash unless a doctor advises it, as they can make it spread.",
        ],
        "see_doctor": [
            "See a doctor if the rash is spreading fast, is painful, hot or swollen, or if you have fever, as these can signal a bacterial infection.",
            "Please get checked if the infection does not improve after two weeks of treatment, affects the scalp or nails, or if you have diabetes or a weak immune system.",
        ],
        "cases": [
            (
                "Q. Itchy peeling skin between toes",
                "Hello doctor, the skin between my toes is itchy, white and peeling. I go to the gym a lot. What is it?",
                "Itchy, white, peeling skin between the toes in someone who uses gym showers is typical of athlete's foot, a common fungal infection.",
            ),
            (
                "Q. Red itchy rash in the groin",
                "Hi, I have a red itchy rash in my groin with a raised edge, worse in hot weather. I am a man of 28.",
                "A red itchy groin rash with a raised edge, worse in the heat, is most often a fungal infection called jock itch.",
            ),
            (
                "Q. Thick yellow toenail",
                "Doctor, one of my toenails has become thick, yellow and crumbly over a year. Does it need treatment?",
                "A thickened, yellow, crumbly nail is commonly a fungal nail infection, and it is worth confirming with a nail sample before treatment.",
            ),
            (
                "Q. Rash under the breasts",
                "Hello, I have a red, moist, itchy rash under my breasts, especially in summer.",
                "A red moist rash in skin folds such as under the breasts is often caused by yeast thriving in warmth and moisture.",
            ),
            (
                "Q. Fungal infection keeps coming back",
                "Hi doctor, I keep getting fungal infections on my feet despite using creams. Why?",
                "Fungal infections often come back if treatment is stopped too early or if shoes and socks stay damp and carry the fungus.",
            ),
            (
                "Q. Pale patches on the back and chest",
                "Hello, I have light-coloured slightly scaly patches on my back and chest that are more noticeable after sun exposure.",
                "Pale, slightly scaly patches on the back and chest that show up after sun exposure are typical of pityriasis versicolor, a yeast infection of the skin.",
            ),
            (
                "Q. Used steroid cream on ringworm",
                "Doctor, I used a steroid cream on an itchy ring on my leg and now it is bigger and redder.",
                "Steroid creams can make fungal infections spread and look different, which is likely what has happened.",
            ),
            (
                "Q. Ringworm from a pet",
                "Hi, my daughter has round itchy patches on her arm, and our new kitten has patches of missing fur.",
                "Ringworm can spread from animals to people, and the patches on your daughter and the kitten's fur loss suggest this.",
            ),
            (
                "Q. Fungal infection and diabetes",
                "Hello doctor, I have diabetes and keep getting thrush and fungal skin rashes. Is there a link?",
                "High blood sugar makes fungal infections more likely, so recurrent infections can be a sign that diabetes control needs improving.",
            ),
        ],
    },
    {
        "name": "cold sores",
        "advice": [
            "Cold sores are caused by the herpes simplex virus and usually heal within 7 to 10 days.",
            "Antiviral creams such as aciclovir work best when started at the first tingling sign.",
            "Avoid kissing and sharing cups, towels or lip balm while a sore is present.",
            "Do not touch or pick the sore, and wash hands after applying cream.",
            "Sun protection on the lips can reduce outbreaks triggered by sunlight.",
            "Stress, illness, tiredness and sunlight are common triggers for cold sores.",
        ],
        "see_doctor": [
            "Get urgent help if a cold sore spreads near the eye with eye pain or blurred vision, or if a baby or a person with eczema develops widespread sores.",
            "See a doctor if a cold sore has not healed within ten days, if outbreaks are very frequent, or if you have a weak immune system.",
        ],
        "cases": [
            (
                "Q. Tingling on the lip then blisters",
                "Hello doctor, I felt tingling on my lip yesterday and today there are small painful blisters. I get this every few months. What should I do?",
                "Tingling followed by a cluster of painful blisters on the lip that keeps coming back is typical of cold sores.",
            ),
            (
                "Q. Cold sore and a newborn baby",
                "Hi, I have a cold sore and I just had a baby. Can I kiss or breastfeed her?",
                "Cold sores can be dangerous for newborn babies, so please do not kiss your baby while you have a sore.",
            ),
            (
                "Q. Frequent cold sores",
                "Doctor, I get cold sores almost every month. Is there a way to prevent them?",
                "For very frequent outbreaks, a doctor can consider antiviral tablets taken daily for a period to reduce recurrences.",
            ),
            (
                "Q. Cold sore near the eye",
                "Hello, I have a cold sore near my eye and now my eye is red and painful, with some blurring.",
                "A cold sore near the eye with a red painful eye and blurred vision could mean the virus has affected the eye, which needs urgent same-day eye assessment.",
            ),
            (
                "Q. Are cold sores contagious?",
                "Hi doctor, I have a cold sore. Can I go to work and is it contagious?",
                "Cold sores are contagious by direct contact, especially when blisters are present, but you can usually go to work while taking simple precautions.",
            ),
            (
                "Q. First cold sore in a child with fever",
                "Hello, my 3 year old has many sores in and around her mouth and a fever. She will not drink.",
                "A first herpes infection in a young child can cause many mouth sores with fever, and refusing to drink risks dehydration.",
            ),
            (
                "Q. Cold sores in the sun",
                "Doctor, I always get cold sores after a beach holiday. How can I avoid them?",
                "Sunlight is a common trigger, so using a lip balm with high SPF during sun exposure may reduce outbreaks.",
            ),
            (
                "Q. Cold sore not healing",
                "Hi, I have had a sore on my lip for three weeks that is not healing. It started as a blister.",
                "A lip sore that has not healed after three weeks is longer than a typical cold sore and should be checked by a doctor.",
            ),
            (
                "Q. Cold sore and eczema",
                "Hello doctor, I have eczema and I have a cold sore. Is there any special risk?",
                "People with eczema can occasionally develop a widespread herpes skin infection, so it is important to avoid touching the sore and then your skin.",
            ),
        ],
    },
    {
        "name": "shoulder pain",
        "advice": [
            "Keep the shoulder moving gently within comfort; complete rest can lead to stiffness.",
            "Ice for the first couple of days after an injury, and heat later for stiffness, can ease pain.",
            "Paracetamol or ibuprofen, if suitable, can help you keep moving.",
            "Avoid repeated overhead lifting and sleeping on the painful side while it settles.",
            "A physiotherapist can give exercises to improve strength and movement.",
            "Most shoulder pain improves within a few weeks to months.",
        ],
        "see_doctor": [
            "Get emergency help for shoulder or arm pain with chest pain, breathlessness or sweating, or if the shoulder looks deformed after a fall.",
            "See a doctor if you cannot lift the arm, if pain is severe at night, or if it has not improved after a few weeks.",
        ],
        "cases": [
            (
                "Q. Shoulder pain when lifting the arm",
                "Hello doctor, I am 45 and I have pain on the outside of my shoulder when I lift my arm above my head or reach behind my back.",
                "Pain on the outside of the shoulder when lifting the arm overhead is typical of rotator cuff irritation, also called impingement.",
            ),
            (
                "Q. Frozen shoulder",
                "Hi, my shoulder has become very stiff over a few months and I cannot lift my arm or turn it outwards. I have diabetes.",
                "Gradual painful stiffness with loss of movement in all directions, especially in someone with diabetes, is typical of frozen shoulder.",
            ),
            (
                "Q. Shoulder dislocated after a fall",
                "Doctor, I fell on my arm and my shoulder looks squared off and I cannot move it.",
                "A squared-off shoulder that cannot move after a fall suggests a dislocation, which needs emergency treatment now.",
                URGENT,
            ),
            (
                "Q. Shoulder pain after gym",
                "Hello, I did bench press yesterday and now I have a sharp pain at the front of my shoulder.",
                "Pain at the front of the shoulder after heavy pressing is often a strain of the tendons around the joint.",
            ),
            (
                "Q. Left shoulder pain with chest discomfort",
                "Hi doctor, I am 60 and have pain in my left shoulder and arm with tightness in my chest and sweating.",
                "Left shoulder and arm pain with chest tightness and sweating can be a heart attack, so call emergency services immediately.",
                URGENT,
            ),
            (
                "Q. Night pain in shoulder",
                "Hello, my shoulder pain is worst at night and wakes me when I lie on it.",
                "Night pain when lying on the shoulder is common with rotator cuff problems.",
            ),
            (
                "Q. Shoulder pain in a swimmer",
                "Doctor, I am a 17 year old swimmer and my shoulder hurts during training.",
                "Swimmer's shoulder is common and is often due to overuse and muscle imbalance around the shoulder.",
            ),
            (
                "Q. Clicking shoulder",
                "Hi, my shoulder clicks when I rotate it but it does not hurt much.",
                "A painless click in the shoulder is common and usually harmless.",
            ),
            (
                "Q. Shoulder tip pain with abdominal pain",
                "Hello doctor, I have pain in my right shoulder tip and also pain under my right ribs after fatty meals.",
                "Pain felt at the shoulder tip can sometimes come from the abdomen, for example from the gallbladder, because of shared nerve pathways.",
            ),
        ],
    },
    {
        "name": "nausea and vomiting",
        "advice": [
            "Take small sips of water or oral rehydration solution frequently rather than large drinks.",
            "When you can eat, start with small amounts of plain food.",
            "Most vomiting from a stomach bug settles within one to two days.",
            "Rest, and avoid strong smells and fatty foods while you feel sick.",
            "Wash hands carefully to avoid spreading a stomach infection to others.",
            "Anti-sickness medicines may help some adults, but ask a pharmacist or doctor first.",
        ],
        "see_doctor": [
            "Get urgent help for vomiting blood or material like coffee grounds, severe abdominal pain, a severe headache with stiff neck, signs of dehydration, or vomiting after a head injury.",
            "See a doctor if vomiting lasts more than two days in an adult or one day in a child, if you cannot keep any fluids down, or if you may be pregnant.",
        ],
        "cases": [
            (
                "Q. Sudden vomiting and diarrhoea",
                "Hello doctor, I started vomiting last night and have diarrhoea too. Several people at work are sick. What should I do?",
                "Sudden vomiting and diarrhoea spreading among colleagues sounds like viral gastroenteritis, often norovirus.",
            ),
            (
                "Q. Morning nausea without pregnancy",
                "Hi, I feel nauseous every morning but pregnancy tests are negative. I drink a lot of alcohol at weekends.",
                "Morning nausea can come from alcohol irritating the stomach, reflux or anxiety, among other causes.",
            ),
            (
                "Q. Child vomiting repeatedly",
                "Doctor, my 3 year old has vomited six times today and is now sleepy. She has not passed urine since morning.",
                "A young child who has vomited repeatedly, is sleepy and has not passed urine for many hours may be dehydrated, so she needs to be seen by a doctor now.",
            ),
            (
                "Q. Motion sickness",
                "Hello, I always feel sick in cars and on boats. How can I prevent it?",
                "Motion sickness happens when the eyes and the balance organs send different signals.",
            ),
            (
                "Q. Vomiting after a head injury",
                "Hi, my son hit his head playing rugby and has vomited twice since.",
                "Vomiting more than once after a head injury is a warning sign, so he should be assessed at an emergency department now.",
                URGENT,
            ),
            (
                "Q. Nausea from new medication",
                "Doctor, I started an antibiotic two days ago and feel nauseous after each dose.",
                "Nausea is a common side effect of many antibiotics, and taking them with food, if the leaflet allows, often helps.",
            ),
            (
                "Q. Baby vomiting after feeds",
                "Hello, my 6 week old baby brings up some milk after most feeds but is gaining weight well and happy.",
                "Bringing up small amounts of milk after feeds is common in babies and is called reflux or posseting.",
            ),
            (
                "Q. Vomiting with severe abdominal pain",
                "Hi doctor, I have severe pain in my upper abdomen going through to my back and keep vomiting. I drank heavily last night.",
                "Severe upper abdominal pain going through to the back with vomiting after heavy drinking can be pancreatitis, which needs emergency assessment now.",
                URGENT,
            ),
            (
                "Q. Nausea and anxiety",
                "Hello, I feel nauseous before important events and sometimes cannot eat.",
                "Nausea before stressful events is a common physical sign of anxiety.",
            ),
        ],
    },
]
