// Block model faces: colour map and filter on the GPU.
//
// Inserted into VTK's polydata shaders through vtkShaderProperty replacements, one named section per
// VTK tag (the viewer splits this file at the "//@ name" lines; ui/viewer/scene/block_shader.cpp):
//   vertex-declarations  -> //VTK::CustomUniforms::Dec of the vertex shader
//   vertex-main          -> //VTK::CustomEnd::Impl
//   fragment-declarations-> //VTK::CustomUniforms::Dec of the fragment shader
//   fragment-uniform-flow-> //VTK::UniformFlow::Impl (derivatives must be taken before any discard)
//   fragment-color       -> //VTK::Color::Impl
//   fragment-light       -> //VTK::Light::Impl
//
// Geometry: quads in block-index coordinates (cell (i, j, k) spans [i, i+1] x [j, j+1] x [k, k+1]; the
// actor's matrix places them in the world), each vertex carrying its face's centre. The vertex shader
// looks up the two cells beside the face in the 3D texture `blockValues`, applies the filter, and drops
// the face (moves it outside the clip volume) unless exactly one side passes and the camera is on the
// other side. Clip slabs (sections, benches) keep blocks whose centre lies between two parallel planes. Texel: r = colour value or category index, g = filter value, b = class index, a = domain
// index; values below -1e38 are "missing". blockPasses() here and BlockVolume::passes() in
// ui/viewer/scene/block_volume.cpp must stay the same function.

//@ vertex-declarations
in vec3 faceCentre;
uniform highp sampler3D blockValues;
uniform vec3 gridCells;     // cells along i, j, k (whole numbers held in floats)
uniform vec3 indexMin;      // inclusive box of cell indices shown (slices, benches)
uniform vec3 indexMax;
uniform int showMissing;    // draw blocks without a colour value
uniform int valueFilter;    // filter on the g channel
uniform vec2 valueRange;    // inclusive
uniform int classMask[8];   // one bit per class index; bit 255 = no class
uniform int domainMask[8];
uniform int clipCount;        // vertical sections and benches: slabs in index coordinates
uniform vec4 clipPlane[3];    // kept when clipRange.x <= dot(xyz, cell + 0.5) + w <= clipRange.y
uniform vec2 clipRange[3];
uniform int parallelView;
uniform vec3 cameraIndex;   // camera position, index coordinates
uniform vec3 viewDirIndex;  // direction of projection, index coordinates
flat out vec4 blockValue;
flat out vec3 faceNormalIndex;
out vec3 blockIndexVSOutput;

bool blockMissing(float v) { return v < -1.0e38; }

bool inMask(int mask[8], float index) {
  int i = int(index);
  return ((mask[i >> 5] >> (i & 31)) & 1) != 0;
}

bool blockPasses(ivec3 c, out vec4 v) {
  v = vec4(-3.0e38);
  if (any(lessThan(vec3(c), indexMin)) || any(greaterThan(vec3(c), indexMax)) ||
      any(lessThan(c, ivec3(0))) || any(greaterThanEqual(vec3(c), gridCells)))
    return false;
  vec3 centre = vec3(c) + vec3(0.5);
  for (int n = 0; n < 3; ++n) {
    if (n >= clipCount) break;
    float s = dot(clipPlane[n].xyz, centre) + clipPlane[n].w;
    if (s < clipRange[n].x || s > clipRange[n].y) return false;
  }
  v = texelFetch(blockValues, c, 0);
  if (blockMissing(v.r) && showMissing == 0) return false;
  if (valueFilter != 0 && !(!blockMissing(v.g) && v.g >= valueRange.x && v.g <= valueRange.y)) return false;
  if (!inMask(classMask, v.b)) return false;
  if (!inMask(domainMask, v.a)) return false;
  return true;
}

//@ vertex-main
{
  // The face's axis is the one along which its centre is a whole number.
  int axis = fract(faceCentre.x) == 0.0 ? 0 : (fract(faceCentre.y) == 0.0 ? 1 : 2);
  ivec3 high = ivec3(floor(faceCentre));
  ivec3 low = high;
  low[axis] -= 1;
  vec4 lowValue;
  vec4 highValue;
  bool lowPasses = blockPasses(low, lowValue);
  bool highPasses = blockPasses(high, highValue);
  vec3 n = vec3(0.0);
  n[axis] = lowPasses ? 1.0 : -1.0;  // outward from the block that shows
  vec3 toCamera = parallelView != 0 ? -viewDirIndex : cameraIndex - faceCentre;
  if (lowPasses == highPasses || dot(n, toCamera) <= 0.0)
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);  // outside the clip volume: the face is not drawn
  blockValue = lowPasses ? lowValue : highValue;
  faceNormalIndex = n;
  blockIndexVSOutput = vertexMC.xyz;
}

//@ fragment-declarations
uniform sampler2D palette;        // 256 x 1 RGBA: colour map, or the colour of each category index
uniform int categorical;
uniform vec2 colorRange;          // continuous: values mapped to the ends of the colour map
uniform vec3 missingColor;
uniform mat3 indexToViewNormal;   // normals from index to view coordinates
uniform vec3 lightDirection;      // towards the light, view coordinates
uniform float edgeStrength;       // 0 = no block outlines
flat in vec4 blockValue;
flat in vec3 faceNormalIndex;
in vec3 blockIndexVSOutput;

//@ fragment-uniform-flow
  vec3 blockIndexWidth = max(fwidth(blockIndexVSOutput), vec3(1.0e-6));

//@ fragment-color
  vec3 blockColor;
  if (blockValue.r < -1.0e38) {
    blockColor = missingColor;
  } else if (categorical != 0) {
    blockColor = texelFetch(palette, ivec2(clamp(int(blockValue.r), 0, 255), 0), 0).rgb;
  } else {
    float t = clamp((blockValue.r - colorRange.x) / max(colorRange.y - colorRange.x, 1.0e-30), 0.0, 1.0);
    blockColor = texture(palette, vec2((t * 255.0 + 0.5) / 256.0, 0.5)).rgb;
  }
  // Block outlines: darken within about a pixel of the face's border, fading out when blocks get small.
  vec3 pixels = abs(fract(blockIndexVSOutput + 0.5) - 0.5) / blockIndexWidth;
  vec3 across = vec3(1.0) - abs(faceNormalIndex);  // the two axes in the face's plane
  float border = min(mix(1.0e6, pixels.x, across.x), min(mix(1.0e6, pixels.y, across.y), mix(1.0e6, pixels.z, across.z)));
  float blockPixels = 1.0 / max(max(blockIndexWidth.x * across.x, blockIndexWidth.y * across.y), blockIndexWidth.z * across.z);
  float edge = edgeStrength * (1.0 - smoothstep(0.5, 1.5, border)) * smoothstep(4.0, 10.0, blockPixels);

//@ fragment-light
  vec3 faceNormalView = normalize(indexToViewNormal * faceNormalIndex);
  float diffuse = max(dot(faceNormalView, lightDirection), 0.0);
  gl_FragData[0] = vec4(blockColor * (0.45 + 0.55 * diffuse) * (1.0 - 0.7 * edge), opacityUniform);
