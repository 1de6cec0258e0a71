// Migration 2: the 17 Sustainable Development Goals (Objectifs de développement
// durable), with their official French and English names. MERGE keeps it idempotent.
UNWIND [
  [1, 'Pas de pauvreté', 'No poverty'],
  [2, 'Faim « zéro »', 'Zero hunger'],
  [3, 'Bonne santé et bien-être', 'Good health and well-being'],
  [4, 'Éducation de qualité', 'Quality education'],
  [5, 'Égalité entre les sexes', 'Gender equality'],
  [6, 'Eau propre et assainissement', 'Clean water and sanitation'],
  [7, 'Énergie propre et d’un coût abordable', 'Affordable and clean energy'],
  [8, 'Travail décent et croissance économique', 'Decent work and economic growth'],
  [9, 'Industrie, innovation et infrastructure', 'Industry, innovation and infrastructure'],
  [10, 'Inégalités réduites', 'Reduced inequalities'],
  [11, 'Villes et communautés durables', 'Sustainable cities and communities'],
  [12, 'Consommation et production responsables', 'Responsible consumption and production'],
  [13, 'Mesures relatives à la lutte contre les changements climatiques', 'Climate action'],
  [14, 'Vie aquatique', 'Life below water'],
  [15, 'Vie terrestre', 'Life on land'],
  [16, 'Paix, justice et institutions efficaces', 'Peace, justice and strong institutions'],
  [17, 'Partenariats pour la réalisation des objectifs', 'Partnerships for the goals']
] AS goal
MERGE (s:Entity:SDG {id: 'sdg-' + toString(goal[0])})
SET s.number = goal[0], s.name = goal[1], s.name_en = goal[2];
