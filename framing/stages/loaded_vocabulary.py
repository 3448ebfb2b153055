"""Loaded-phrase scorer's vocabulary: word classes by name -> frozensets of lowercase words.

Closed-class words, the literal news words the scorer never scores, intensifiers, nouns for
people and groups, and the metaphor and dehumanisation vocabulary by source domain. Read by
``framing.stages.loaded_features`` (and so by the trainer) and by the scorer.
"""

from __future__ import annotations

from framing.text.wordlists import MONTHS, WEEKDAYS

# Closed-class words: never candidates; as neighbours their identity is a feature.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's they them their theirs he him his she her hers
    we us our ours you your yours i me my mine who whom whose which what whatever when where why how
    and or but nor so yet if then than because while although though unless until since as
    of in on at by for with without within into onto upon from to toward towards about above below
    under over after before during through across against among between beyond via per
    is am are was were be been being do does did doing done have has had having
    will would shall should can could may might must ought
    not no never none nothing nobody neither either both each every all any some many much more most
    few fewer less least other another such same own only just also too very quite rather
    said says say saying told tell tells asked ask according
    one two three four five six seven eight nine ten first second third last next
    mr mrs ms dr st up down out off away back again ever even still already now then
    year years month months week weeks day days today yesterday tomorrow time times
    """.split()
) | WEEKDAYS | MONTHS
# Words whose literal sense is the one news reports in its own voice: outbreaks ("the coronavirus
# pandemic", "a highly contagious virus"), natural disasters ("the earthquake", "floods") and the
# events of war, terror and crime ("a bomb exploded", "the attackers", "murdered"). The scorer never
# scores them, so they neither start nor join a phrase; their metaphors ("a plague of lies",
# "a flood of migrants", "a political earthquake", "killer virus") are lexicon entries with sense rules.
LITERAL_WORDS = frozenset(
    """
    pandemic pandemics epidemic epidemics outbreak outbreaks infection infections infected infectious
    contagious contagion virus viruses viral coronavirus coronaviruses covid covid-19 pathogen pathogens flu
    influenza
    earthquake earthquakes quake quakes aftershock aftershocks tremor tremors tsunami tsunamis floods
    floodwater floodwaters storm storms hurricane hurricanes typhoon typhoons cyclone cyclones tornado
    tornadoes wildfire wildfires bushfire bushfires blaze blazes avalanche avalanches mudslide mudslides
    landslides drought droughts eruption eruptions volcano heatwave heatwaves monsoon blizzard blizzards
    rubble debris
    bomb bombs bombed bombing bombings bomber bombers exploded explosive explosives detonated gunman gunmen
    gunfire gunshot gunshots shooting shootings shooter attacker attackers airstrike airstrikes air-strike
    air-strikes missile missiles rocket rockets shelling shelled mortar mortars grenade grenades militant
    militants insurgent insurgents insurgency terrorist terrorists terrorism kidnapped kidnapping kidnappers
    abducted abduction ambush ambushed
    wounded injured killed dead deaths death died casualties fatalities corpse corpses
    murdered murderer homicide manslaughter burglary arson stabbing stabbed stabbings rape raped riot riots
    rioters looting looted arrested arrest arrests convicted sentenced prison prisoner prisoners inmate
    inmates
    rebel rebels blast blasts assassination assassinations assassinated crash crashes crashed accident accidents
    prisons jail jails jailed sick sickness illness illnesses injury injuries fighters militia militias collision
    collisions fire fires stormed flames
    """.split()
)
# Intensifiers beyond VADER's booster list that raise the charge of the next word.
INTENSIFIERS = frozenset(
    """
    utterly totally completely absolutely entirely wholly thoroughly deeply truly really so such
    sheer pure outright downright blatant flagrant shameless naked brazen full-blown
    """.split()
)
# Nouns for people and groups: a word next to one of them often labels a person or group.
GROUP_NOUNS = frozenset(
    """
    people man men woman women person persons individuals group groups crowd crowds mob
    leader leaders president presidents minister ministers senator senators lawmakers politicians
    official officials government governments regime regimes administration state states party parties
    troops soldiers army forces police officers militants fighters rebels insurgents terrorists
    protesters demonstrators activists critics opponents supporters followers voters citizens residents
    migrants immigrants refugees asylum-seekers foreigners workers students elites elite establishment
    media journalists reporters press liberals conservatives democrats republicans leftists left right
    islamists jihadists nationalists socialists communists ally allies enemy enemies neighbours neighbors
    """.split()
)
# Metaphor and dehumanisation vocabulary, by source domain (written for this model).
SEMANTIC_CLASSES: dict[str, frozenset[str]] = {
    "animal": frozenset(
        """
        animal animals beast beasts brute brutes rat rats snake snakes viper vipers serpent pig pigs swine
        dog dogs mongrel cur hyena hyenas jackal jackals vulture vultures wolf wolves hound hounds pack herd
        herds swarm swarms horde hordes flock sheep sheeple cattle ape apes monkey monkeys baboon gorilla
        weasel weasels rodent rodents shark sharks predator predators scavenger scavengers lapdog poodle
        monster monsters creature creatures savage savages
        """.split()
    ),
    "vermin": frozenset(
        """
        vermin pest pests cockroach cockroaches roach roaches lice louse parasite parasites parasitic leech
        leeches tick ticks termite termites maggot maggots infest infested infestation scum filth filthy
        slime slimy sewage garbage trash rubbish dregs excrement
        """.split()
    ),
    "disease": frozenset(
        """
        disease diseased plague plagues cancer cancerous tumor tumour virus viral contagion contagious
        infection infected infect pestilence pandemic epidemic scourge blight rot rotten rotting
        festering fester gangrene poison poisonous poisoned toxic toxin venom venomous sick sickness
        sickening malignant pathological pathogen
        """.split()
    ),
    "fire_flood": frozenset(
        """
        firestorm firestorms inferno blaze blazing fire fiery flames inflame inflamed inflammatory incendiary
        explosion explosive explode exploded eruption erupt erupted volcano flood floods flooding deluge
        tsunami avalanche torrent tidal tide wave waves storm storms stormy hurricane tornado earthquake
        meltdown wildfire wildfires bonfire powder-keg tinderbox cataclysm cataclysmic
        """.split()
    ),
    "war": frozenset(
        """
        war wars warfare assault assaults onslaught onslaughts siege besieged crusade crusades blitz
        barrage salvo salvos ambush ambushed battle battles battleground battlefield frontline frontlines
        weapon weapons weaponise weaponize weaponised weaponized arsenal ammunition bombshell bombard
        bombarded bombardment invasion invade invaded invaders army armies troops trench trenches
        warpath warrior warriors attack attacks attacked offensive
        """.split()
    ),
    "crime": frozenset(
        """
        thug thugs thuggish gang gangs gangster gangsters mob mobster mobsters mafia racket racketeering
        loot looted looting plunder plundered plundering pillage heist theft steal stole stolen stealing
        hijack hijacked extort extortion extorted shakedown con scam scams swindle swindled fraud fraudulent
        crook crooks crooked robbery robbed robber robbers bandit bandits criminal criminals accomplice
        henchman henchmen goon goons lackey lackeys cronies crony
        """.split()
    ),
    "theatre": frozenset(
        """
        circus clown clowns clownish theatre theater theatrics theatrical charade farce farcical pantomime
        puppet puppets puppeteer stunt stunts spectacle show sideshow masquerade sham charlatan charlatans
        performative grandstand grandstanding posturing posture script scripted stage-managed
        """.split()
    ),
    "evil": frozenset(
        """
        evil evils demon demons demonic devil devils diabolical satanic sinister wicked wickedness monstrous
        unholy vile villain villains villainous nefarious malevolent malicious barbaric barbarian barbarians
        barbarism savagery bloodthirsty butcher butchers butchered depraved depravity heinous
        """.split()
    ),
    "delusion": frozenset(
        """
        fantasy fantasies fantasist delusion delusions delusional illusion illusions mirage fairy-tale
        fairytale myth myths pipe-dream daydream hallucination hallucinating fever-dream utopian
        """.split()
    ),
    "domination": frozenset(
        """
        empire imperial imperialist imperialism colonial colonialist colonizer coloniser hegemon hegemonic
        hegemony overlord overlords tyrant tyrants tyranny tyrannical despot despots despotic dictator
        dictators dictatorial authoritarian totalitarian autocrat autocratic oppressor oppressors
        oppressive subjugate subjugation enslave enslaved domination dominate vassal vassals servile
        """.split()
    ),
    "deceit": frozenset(
        """
        lie lies lying liar liars lied deceit deceitful deceive deceived deceptive deception hoax hoaxes
        sham bogus phony phoney fake fakes spin spun smear smears smeared propaganda propagandist brainwash
        brainwashed brainwashing con conned trick tricked trickery dupe duped gaslight gaslighting
        disinformation manipulate manipulated manipulative cover-up whitewash whitewashed
        """.split()
    ),
    "weakness": frozenset(
        """
        spineless coward cowards cowardly cowardice craven feeble weakling wimp wimps timid surrender
        surrendered capitulate capitulated capitulation cave caved grovel grovelled groveling kowtow
        appease appeased appeasement appeaser appeasers lapdog doormat toothless impotent
        """.split()
    ),
    "madness": frozenset(
        """
        unhinged deranged lunatic lunatics insane insanity mad madman madmen crazed crazy hysterical
        hysteria paranoid paranoia maniac maniacal frenzy frenzied rabid fanatic fanatics fanatical
        zealot zealots cult cultish
        """.split()
    ),
    "violence": frozenset(
        """
        slaughter slaughtered massacre massacred butcher carnage bloodbath bloodshed brutal brutality
        brutally brutalise brutalize ravage ravaged rampage rampaged terror terrorise terrorize terrorised
        terrorized crush crushed smash smashed gut gutted destroy destroyed annihilate annihilated obliterate
        obliterated decimate decimated pulverise pulverize maul mauled savage savaged bludgeon
        """.split()
    ),
    "greed": frozenset(
        """
        greed greedy fleece fleeced gouge gouging profiteer profiteers profiteering fat-cat fat-cats grift
        grifter grifters grifting cash-grab bloated leech freeloader freeloaders handout handouts
        giveaway giveaways rip-off fleecing bilk bilked
        """.split()
    ),
    "destruction": frozenset(
        """
        flatten flattened flattening raze razed razing torch torched torching bulldoze bulldozed bulldozing
        bulldozer bulldozers demolish demolished demolishing wreck wrecked wrecking wrecker ruin ruined
        ruinous shred shredded shredding trash trashed trashing dismantle dismantled dismantling scorched
        incinerate incinerated hollowed eviscerate eviscerated torpedo torpedoed sabotage sabotaged
        """.split()
    ),
    "expulsion": frozenset(
        """
        dump dumped dumping discard discarded ditch ditched jettison jettisoned turf turfed booted kicked
        expel expelled purge purged purges oust ousted ousting banish banished exile exiled abandon
        abandoned abandoning abandonment cast-off scrapheap sidelined sideline sidelining shunted shunt
        """.split()
    ),
    "concealment": frozenset(
        """
        bury buried burying conceal concealed concealing concealment suppress suppressed suppressing
        suppression smother smothered stifle stifled stifling muzzle muzzled gag gagged gagging censor
        censored censorship shroud shrouded secretive secrecy stonewall stonewalled stonewalling hush
        hushed cover-ups obfuscate obfuscated obfuscation
        """.split()
    ),
    "predation": frozenset(
        """
        hunt hunted hunting hound hounded hounding stalk stalked stalking prey preyed preying predatory
        pounce pounced ensnare ensnared trap trapped lure lured bait baited devour devoured devouring
        gorge gorged feast feasting ravenous
        """.split()
    ),
    "extraction": frozenset(
        """
        squeeze squeezed squeezing bleed bleeding bled drain drained draining milk milked milking siphon
        siphoned siphoning pocketed pocketing skim skimmed skimming sap sapped sapping wring wrung bleeding
        extract extracted extortionate gouged
        """.split()
    ),
    "captivity": frozenset(
        """
        hostage hostages ransom captive captives captivity shackle shackled shackles chained chains caged
        stranglehold chokehold yoke straitjacket enslaving imprisoned prisoner prisoners handcuffed
        """.split()
    ),
    "condescension": frozenset(
        """
        lecture lectured lecturing lectures preach preached preaching preachy sermon sermons scold scolded
        scolding patronise patronising patronize patronizing condescend condescending condescension sneer
        sneered sneering scoff scoffed scoffing smirk smirked smirking mock mocked mocking moralise
        moralising moralize moralizing sanctimonious smug hector hectoring haughty snooty snobbish
        """.split()
    ),
    "gambling": frozenset(
        """
        gamble gambled gambling gambler casino casinos jackpot bonanza windfall lottery roulette rigged
        rigging dice jackpots payday
        """.split()
    ),
    "sacrifice": frozenset(
        """
        sacrifice sacrificed sacrificing sacrificial altar martyr martyrs martyred martyrdom scapegoat
        scapegoats scapegoated scapegoating lamb lambs offering
        """.split()
    ),
    # Source domains of conventional political metaphor (round 15), from general usage on every side:
    # a plain physical word applied to institutions, money or people. Each keeps only the words news
    # uses mostly figuratively; the ones wire copy uses literally stay out (an oil spill, a ferry that
    # sank, a suspect who grabbed a bag, a train that derailed, the game, the shadow chancellor, mud).
    "liquid": frozenset(
        """
        awash swamped gush gushed gushing trickle-down funnel funnelled funneled funnelling ooze oozing
        slosh sloshing
        """.split()
    ),
    "force": frozenset(
        """
        steamroll steamrolled steamrolling strong-arm strong-armed strong-arming bully bullied bullying
        bullies browbeat browbeaten browbeating arm-twisting throttle throttled throttling pummelled
        """.split()
    ),
    "consumption": frozenset(
        """
        swallow swallowed swallowing gobble gobbled gobbling cannibalise cannibalize cannibalised
        cannibalized cannibalising fatten fattened fattening regurgitate regurgitated regurgitating guzzle
        guzzling trough troughs
        """.split()
    ),
    "collapse": frozenset(
        """
        crumble crumbled crumbling crumbles teeter teetering totter tottering implode imploded imploding
        implosion unravel unravelled unraveled unravelling unraveling rickety creaking ramshackle edifice
        facade façade shaky
        """.split()
    ),
    "motion": frozenset(
        """
        backpedal backpedalled backpedaling backtrack backtracked backtracking sleepwalk sleepwalking
        sleepwalked flounder floundered floundering rudderless tailspin nosedive freefall free-fall
        flip-flop flip-flopped u-turn dead-end
        """.split()
    ),
    "machine": frozenset(
        """
        cog cogs juggernaut steamroller robotic rubber-stamp rubber-stamped well-oiled
        """.split()
    ),
    # only the words news uses mostly figuratively: "froze", "icy", "boiling" are weather reports
    "temperature": frozenset(
        """
        chilling frosty simmer simmering seething overheated lukewarm tepid feverish boiling-point
        """.split()
    ),
    "darkness": frozenset(
        """
        shadowy murky murk gloomy bleak benighted
        """.split()
    ),
    "dirt": frozenset(
        """
        dirty grubby sleazy sleaze tainted taint sordid seedy squalid sully sullied besmirch besmirched
        mudslinging
        """.split()
    ),
    "game": frozenset(
        """
        gamesmanship playbook own-goal checkmate chessboard bluff bluffing hardball sucker-punch low-blow
        charades
        """.split()
    ),
    "extreme": frozenset(
        """
        total totally utter utterly absolute absolutely complete completely sheer massive huge enormous
        colossal staggering unprecedented historic catastrophe catastrophic disaster disastrous apocalyptic
        apocalypse nightmare nightmarish unthinkable unimaginable insane insanity crazy absurd absurdity
        ridiculous outrageous outrage outraged shocking stunning astonishing breathtaking devastating
        """.split()
    ),
}
